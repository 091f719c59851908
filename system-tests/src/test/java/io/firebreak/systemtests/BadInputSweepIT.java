package io.firebreak.systemtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.firebreak.devstack.FirebreakService;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestFactory;

/**
 * Every operation of every service, read from its own OpenAPI document, receives bad input: no token, a token
 * without the operation's roles, unknown and injected ids, malformed JSON, wrong types, missing fields plus
 * unexpected ones, a 10 MB body and the wrong media type. Each answer must be a 4xx problem+json without a
 * stack trace, and the databases must hold exactly the rows they held before. Runs first, on a quiet system,
 * so that no other test's work changes the row counts meanwhile.
 */
@Order(1)
class BadInputSweepIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final List<String> INJECTIONS = List.of("1' OR '1'='1", "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd", "%00", "1;DROP TABLE outbox");
    /** The demo users and their realm roles, from dev-stack's realm file. */
    private static final Map<String, Set<String>> ROLES_BY_USER = demoUsers();
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final AtomicInteger REQUESTS = new AtomicInteger();
    private static Map<String, Long> rowsBefore;

    @BeforeAll
    static void countRows() throws SQLException {
        rowsBefore = rowCounts();
    }

    @AfterAll
    static void nothingWasStored() throws SQLException {
        System.out.printf("Bad input sweep: %d requests%n", REQUESTS.get());
        assertThat(rowCounts()).as("rows per table after the sweep").isEqualTo(rowsBefore);
    }

    @TestFactory
    Stream<DynamicContainer> everyOperationRefusesBadInputWithProblemJson() {
        return Stream.of(FirebreakService.values()).map(service -> DynamicContainer.dynamicContainer(
                service.module(), operations(service).stream().map(operation -> DynamicTest.dynamicTest(
                        operation.toString(), () -> sweep(operation)))));
    }

    private static void sweep(Operation operation) {
        String unknown = operation.pathWith("unknown");
        if (operation.authenticated()) {
            expectProblem(operation, send(operation, null, unknown), 401);
            outsider(operation.roles()).ifPresent(user -> expectProblem(operation, send(operation, user, unknown), 403));
        }
        String user = insider(operation.roles());
        if (operation.hasPathParameters()) {
            expectProblem(operation, send(operation, user, unknown), 0);
            for (String injection : INJECTIONS) {
                expectProblem(operation, send(operation, user, operation.pathWith(injection)), 0);
            }
        }
        for (Map.Entry<String, String> query : operation.queryWith(INJECTIONS.get(0)).entrySet()) {
            Response response = request(user).queryParam(query.getKey(), query.getValue())
                    .request(operation.method(), operation.url(unknown));
            if (response.statusCode() >= 400) { // an optional filter may ignore a value it does not know
                expectProblem(operation, response, 0);
            }
        }
        if (operation.bodyType() == null) {
            return;
        }
        if (operation.bodySchema() != null) {
            expectProblem(operation, sendBody(user, operation, unknown, "{\"unclosed\": ", ContentType.JSON.toString()),
                    400);
            expectProblem(operation, sendBody(user, operation, unknown, wrongTypes(operation.bodySchema()).toString(),
                    ContentType.JSON.toString()), 0);
            if (operation.bodySchema().path("required").size() > 0 || operation.bodySchema().has("items")) {
                String missingButExtra = operation.bodySchema().has("items") ? "[{\"unexpected\": true}]"
                        : "{\"unexpected\": true}";
                expectProblem(operation, sendBody(user, operation, unknown, missingButExtra,
                        ContentType.JSON.toString()), 0);
            }
        }
        expectProblem(operation, sendBody(user, operation, unknown, "x".repeat(10 * 1024 * 1024),
                operation.bodyType()), 413);
        expectProblem(operation, sendBody(user, operation, unknown, "<not-json/>", "application/xml"), 415);
    }

    /** 4xx problem+json (the exact status when one is given), never a stack trace or a class name. */
    private static void expectProblem(Operation operation, Response response, int status) {
        String body = response.asString();
        String what = operation + " answered " + response.statusCode() + ": " + abbreviate(body);
        if (status != 0) {
            assertThat(response.statusCode()).as(what).isEqualTo(status);
        }
        assertThat(response.statusCode()).as(what).isBetween(400, 499);
        assertThat(response.contentType()).as(what).startsWith(PROBLEM_JSON);
        assertThat(body).as(what).doesNotContain("Exception", "\tat ", "io.firebreak.", "org.hibernate");
    }

    private static Response send(Operation operation, String user, String path) {
        RequestSpecification request = request(user);
        if (operation.bodyType() != null) {
            request.contentType(operation.bodyType())
                    .body(operation.bodySchema() == null ? "" : operation.bodySchema().has("items") ? "[]" : "{}");
        }
        return request.request(operation.method(), operation.url(path));
    }

    private static Response sendBody(String user, Operation operation, String path, String body, String type) {
        return request(user).contentType(type).body(body).request(operation.method(), operation.url(path));
    }

    private static RequestSpecification request(String user) {
        REQUESTS.incrementAndGet();
        // Paths and query values are encoded here, so that an injected "%00" reaches the service as sent.
        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false);
        return user == null ? request : request.auth().oauth2(KeycloakTokens.of(user));
    }

    /** A body of the expected shape whose every field has the wrong JSON type. */
    private static JsonNode wrongTypes(JsonNode schema) {
        if (schema.has("items")) {
            return JSON.createArrayNode().add(wrongTypes(schema.get("items")));
        }
        ObjectNode body = JSON.createObjectNode();
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            switch (property.getValue().path("type").asText("object")) {
                case "string" -> body.putObject(property.getKey()).put("not", "a string");
                case "integer", "number" -> body.put(property.getKey(), "not a number");
                case "boolean" -> body.putArray(property.getKey()).add(1);
                case "array" -> body.put(property.getKey(), "not an array");
                default -> body.put(property.getKey(), 42);
            }
        }
        if (body.isEmpty()) {
            body.put("unexpected", 42);
        }
        return body;
    }

    /** A demo user holding one of the roles, preferring the one named after it ({@code analyst}). */
    private static String insider(Set<String> roles) {
        return roles.stream().filter(ROLES_BY_USER::containsKey).findFirst()
                .or(() -> ROLES_BY_USER.entrySet().stream()
                        .filter(user -> roles.isEmpty() || user.getValue().stream().anyMatch(roles::contains))
                        .map(Map.Entry::getKey).sorted().findFirst())
                .orElseThrow(() -> new IllegalStateException("no demo user has one of " + roles));
    }

    /** A demo user holding none of the roles, if there is one (every demo user is an employee). */
    private static Optional<String> outsider(Set<String> roles) {
        return ROLES_BY_USER.entrySet().stream()
                .filter(user -> !roles.isEmpty() && user.getValue().stream().noneMatch(roles::contains))
                .map(Map.Entry::getKey).sorted().findFirst();
    }

    private static Map<String, Set<String>> demoUsers() {
        try (var realm = BadInputSweepIT.class.getResourceAsStream("/keycloak/firebreak-realm.json")) {
            Map<String, Set<String>> users = new java.util.TreeMap<>();
            for (JsonNode user : JSON.readTree(realm).path("users")) {
                if (!user.path("username").asText().startsWith("service-account-")) {
                    Set<String> roles = new java.util.TreeSet<>();
                    user.path("realmRoles").forEach(role -> roles.add(role.asText()));
                    users.put(user.path("username").asText(), roles);
                }
            }
            return users;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static List<Operation> operations(FirebreakService service) {
        String base = RunningSystem.url(service);
        JsonNode document;
        try {
            document = JSON.readTree(given().get(base + "/q/openapi?format=json").then().statusCode(200)
                    .extract().asString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        JsonNode schemas = document.path("components").path("schemas");
        List<Operation> operations = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (!METHODS.contains(op.getKey())) {
                return;
            }
            JsonNode definition = op.getValue();
            Set<String> roles = new java.util.TreeSet<>();
            boolean authenticated = false;
            for (JsonNode requirement : definition.path("security")) {
                authenticated = true;
                requirement.fields().forEachRemaining(scheme -> scheme.getValue()
                        .forEach(role -> roles.add(role.asText())));
            }
            Map<String, String> pathTypes = new LinkedHashMap<>();
            List<String> query = new ArrayList<>();
            for (JsonNode parameter : definition.path("parameters")) {
                JsonNode schema = resolve(parameter.path("schema"), schemas);
                if (parameter.path("in").asText().equals("path")) {
                    pathTypes.put(parameter.path("name").asText(), schema.path("format").asText(
                            schema.path("type").asText("string")));
                } else if (parameter.path("in").asText().equals("query")) {
                    query.add(parameter.path("name").asText());
                }
            }
            JsonNode content = definition.path("requestBody").path("content");
            String bodyType = content.isEmpty() ? null
                    : content.has("application/json") ? "application/json" : content.fieldNames().next();
            JsonNode body = content.path("application/json").path("schema");
            operations.add(new Operation(base, op.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                    roles, authenticated, pathTypes, query, bodyType,
                    body.isMissingNode() ? null : resolve(body, schemas)));
        }));
        assertThat(operations).as(service + " documents its operations").isNotEmpty();
        return operations;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode schemas) {
        if (schema.has("$ref")) {
            return resolve(schemas.path(schema.get("$ref").asText().replace("#/components/schemas/", "")), schemas);
        }
        if (schema.has("items")) {
            ObjectNode copy = schema.deepCopy();
            copy.set("items", resolve(schema.get("items"), schemas));
            return copy;
        }
        return schema;
    }

    /** Rows per table of every service database (Flyway's own history aside). */
    private static Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (FirebreakService service : FirebreakService.values()) {
            String url = "jdbc:postgresql://127.0.0.1:" + RunningSystem.get().postgresPort() + "/" + service.database();
            try (Connection connection = DriverManager.getConnection(url, service.database(), service.database());
                 Statement statement = connection.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'public' and table_type = 'BASE TABLE'"
                        + " and table_name <> 'flyway_schema_history'")) {
                    while (rows.next()) {
                        tables.add(rows.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet rows = statement.executeQuery("select count(*) from \"" + table + "\"")) {
                        rows.next();
                        counts.put(service.database() + "." + table, rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /** One documented operation: {@code POST /api/crises/{id}/transitions} with its roles and parameters. */
    private record Operation(String base, String method, String template, Set<String> roles, boolean authenticated,
                             Map<String, String> pathTypes, List<String> query, String bodyType,
                             JsonNode bodySchema) {

        boolean hasPathParameters() {
            return !pathTypes.isEmpty();
        }

        /** The path with every parameter set: an unknown value of its type, or the given raw value. */
        String pathWith(String value) {
            String path = template;
            for (Map.Entry<String, String> parameter : pathTypes.entrySet()) {
                String replacement = !value.equals("unknown") ? encode(value) : switch (parameter.getValue()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "integer", "int32", "int64" -> "987654321";
                    default -> "no-such-" + parameter.getKey();
                };
                path = path.replace("{" + parameter.getKey() + "}", replacement);
            }
            return path;
        }

        Map<String, String> queryWith(String value) {
            Map<String, String> values = new LinkedHashMap<>();
            query.forEach(name -> values.put(name, encode(value)));
            return values;
        }

        String url(String path) {
            return base + path;
        }

        private static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }
}
