package io.firebreak.playbook.playbook;

import static io.restassured.RestAssured.given;

import io.firebreak.devstack.testing.TestTokens;
import io.restassured.http.ContentType;
import java.util.UUID;

/** A bank-outage playbook as an admin would write it, and a way to store one through the API. */
public final class PlaybookFixtures {

    private PlaybookFixtures() {
    }

    public static String bankOutage(UUID watchId, String minSeverity) {
        return """
                {
                  "scenario": {"name": "Bank app outage", "type": "OUTAGE",
                               "description": "The mobile banking app is down",
                               "strategy": "Acknowledge within 30 minutes, update every hour, apologise when fixed"},
                  "triggers": [{"watchId": "%s", "minSeverity": "%s"}],
                  "roles": [
                    {"name": "spokesperson", "responsibilities": ["Speak for the bank", "Approve wording"],
                     "tasks": [{"title": "Acknowledge the alert", "dueOffsetMinutes": 0},
                               {"title": "Draft the holding statement", "dueOffsetMinutes": 30}]},
                    {"name": "it-liaison", "responsibilities": ["Report restoration times"],
                     "tasks": [{"title": "Give a first estimate", "dueOffsetMinutes": 15},
                               {"title": "Confirm restoration", "dueOffsetMinutes": 240}]}
                  ],
                  "templates": [
                    {"phase": "HOLDING", "channel": "x", "language": "en",
                     "text": "{{brand}} knows about {{incident_summary}}. Next update at {{next_update_time}}: {{link}}"},
                    {"phase": "APOLOGY", "channel": "x", "language": "en",
                     "text": "{{brand}} apologises for {{incident_summary}}."}
                  ],
                  "audiences": [{"name": "customers", "channels": ["x", "website"]},
                                {"name": "press", "channels": ["press-release"]}]
                }""".formatted(watchId, minSeverity);
    }

    /** Creates the playbook as admin and answers its id. */
    public static String create(String body) {
        return given().auth().oauth2(TestTokens.of("ada", "admin"))
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/playbooks")
                .then().statusCode(201).extract().path("id");
    }
}
