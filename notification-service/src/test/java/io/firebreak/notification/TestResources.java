package io.firebreak.notification;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.notification.chat.ChatStandInTestResource;
import io.firebreak.notification.push.PushProvidersTestResource;
import io.firebreak.notification.sms.SmsProvidersTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL and Kafka, an OIDC server signing real tokens, an SMTP server, and FCM, APNs, Twilio, Vonage,
 * Slack and Teams stand-ins, for every test of this service.
 */
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = GreenMailTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PushProvidersTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = SmsProvidersTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = ChatStandInTestResource.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
