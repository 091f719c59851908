package io.firebreak.playbook;

import io.firebreak.devstack.testing.InfrastructureTestResource;
import io.firebreak.playbook.client.MonitoringStub;
import io.firebreak.playbook.client.PublishingStub;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Real PostgreSQL and Kafka, an OIDC server signing real tokens, monitoring-service's tone API and
 * publishing-service's channel rules (WireMock), for every test of this service.
 */
@WithTestResource(value = InfrastructureTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = OidcWiremockTestResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = MonitoringStub.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PublishingStub.class, scope = TestResourceScope.GLOBAL)
public final class TestResources {

    private TestResources() {
    }
}
