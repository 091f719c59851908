package io.firebreak.notification.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * A local Twilio Messages API and Vonage SMS API (one server, their own paths) enforcing their contracts: Twilio
 * wants HTTP Basic with the account SID and auth token, a form with an E.164 {@code To}, the sender, a body of at
 * most 1600 characters and a status callback; Vonage wants api_key/api_secret and the number without "+".
 * Tests add answers for particular numbers (errors, known message SIDs) at a higher priority.
 */
public class SmsProvidersTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_PORT = "test.sms.admin-port";
    public static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    public static final String AUTH_TOKEN = "twilio-test-auth-token-0123456789";
    public static final String FROM = "+15005550006";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        String basic = "Basic " + Base64.getEncoder().encodeToString((ACCOUNT_SID + ":" + AUTH_TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        server.stubFor(post(urlEqualTo(MESSAGES)).atPriority(5)
                .withHeader("Authorization", equalTo(basic))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("To", matching("\\+[1-9][0-9]{6,14}"))
                .withFormParam("From", equalTo(FROM))
                .withFormParam("Body", matching("(?s).{1,1600}"))
                .withFormParam("StatusCallback", matching("https?://.+/api/sms/status/twilio"))
                .willReturn(twilioAccepted("SM00000000000000000000000000000000")));
        server.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10)
                .willReturn(twilioError(400, 21604, "The request does not follow the Messages API contract")));
        server.stubFor(post(urlEqualTo("/sms/json")).atPriority(5)
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("api_key", equalTo("vonage-key"))
                .withFormParam("api_secret", equalTo("vonage-secret"))
                .withFormParam("to", matching("[1-9][0-9]{6,14}"))
                .withFormParam("from", equalTo(FROM))
                .withFormParam("text", matching("(?s).+"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"message-count": "1", "messages": [{"to": "0", "message-id": "vonage-0001",
                                 "status": "0", "remaining-balance": "10.00", "message-price": "0.03"}]}""")));
        server.stubFor(post(urlEqualTo("/sms/json")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("""
                                {"message-count": "1", "messages": [{"status": "2",
                                 "error-text": "Missing api_key, api_secret, from, to or text"}]}""")));
        String url = "http://127.0.0.1:" + server.port();
        return Map.of("notification.sms.from", FROM,
                "notification.sms.twilio.base-url", url,
                "notification.sms.twilio.account-sid", ACCOUNT_SID,
                "notification.sms.twilio.auth-token", AUTH_TOKEN,
                "notification.sms.vonage.base-url", url,
                "notification.sms.vonage.api-key", "vonage-key",
                "notification.sms.vonage.api-secret", "vonage-secret",
                ADMIN_PORT, Integer.toString(server.port()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static ResponseDefinitionBuilder twilioAccepted(String sid) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withBody("{\"sid\": \"" + sid + "\", \"status\": \"queued\", \"account_sid\": \"" + ACCOUNT_SID
                        + "\"}");
    }

    public static ResponseDefinitionBuilder twilioError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message
                        + "\", \"more_info\": \"https://www.twilio.com/docs/errors/" + code + "\", \"status\": "
                        + status + "}");
    }
}
