package io.firebreak.devstack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.firebreak.devstack.StackException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The demo's HTTP side: JSON calls to the services with the demo users' real Keycloak tokens (password grant of
 * the public {@code firebreak-cli} client; a token that expired is fetched again), and polling until something has
 * happened. The soak benchmark drives the services through it too.
 */
public final class DemoApi {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String tokenUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public DemoApi(String keycloakIssuer) {
        this.tokenUrl = keycloakIssuer + "/protocol/openid-connect/token";
    }

    /** An answer: its status and JSON body ({@code null} when empty or not JSON). */
    record Answer(int status, JsonNode body, String text) {
        boolean ok() {
            return status / 100 == 2;
        }
    }

    String token(String user) {
        return tokens.computeIfAbsent(user, this::login);
    }

    /** The token's {@code sub}: how playbook-service names the person it assigns. */
    public String subjectOf(String user) {
        String payload = token(user).split("\\.")[1];
        try {
            return JSON.readTree(java.util.Base64.getUrlDecoder().decode(payload)).path("sub").asText();
        } catch (IOException e) {
            throw new StackException("the token of " + user + " cannot be read", e);
        }
    }

    Answer call(String method, String url, String user, Object body) {
        Answer answer = send(method, url, user, body);
        if (answer.status() == 401 && user != null) { // the token expired during a long run: log in again, once
            tokens.remove(user);
            answer = send(method, url, user, body);
        }
        return answer;
    }

    private Answer send(String method, String url, String user, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        try {
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(body instanceof String text ? text
                                : JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isBlank() ? null : JSON.readTree(response.body());
            } catch (IOException notJson) {
                // an HTML page or plain text: kept as text
            }
            return new Answer(response.statusCode(), json, response.body());
        } catch (IOException e) {
            throw new StackException(method + " " + url + " failed: " + e.getMessage()
                    + " (is the stack up? ./firebreak status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    /** A call that must succeed; anything else stops the demo with the service's own explanation. */
    JsonNode expect(String method, String url, String user, Object body) {
        Answer answer = call(method, url, user, body);
        if (!answer.ok()) {
            throw new StackException(method + " " + url + " as " + user + " answered " + answer.status() + ": "
                    + answer.text());
        }
        return answer.body();
    }

    public JsonNode get(String url, String user) {
        return expect("GET", url, user, null);
    }

    public JsonNode post(String url, String user, Object body) {
        return expect("POST", url, user, body);
    }

    /** Polls {@code read} every half second until {@code done} holds, for at most {@code timeout}. */
    static <T> T await(String what, Duration timeout, Supplier<T> read, Predicate<T> done) {
        Instant deadline = Instant.now().plus(timeout);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(deadline)) {
                throw new StackException("gave up after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted", e);
            }
            last = read.get();
        }
        return last;
    }

    private String login(String user) {
        String form = "grant_type=password&client_id=firebreak-cli&username=" + encode(user) + "&password=demo";
        HttpRequest request = HttpRequest.newBuilder(URI.create(tokenUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new StackException("Keycloak refused the demo user " + user + ": " + response.body());
            }
            return JSON.readTree(response.body()).path("access_token").asText();
        } catch (IOException e) {
            throw new StackException("Keycloak is not reachable at " + tokenUrl + " (./firebreak status)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted", e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
