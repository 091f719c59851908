package io.firebreak.devstack.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stand-ins for the outside platforms Firebreak talks to, on one loopback port, so that a local stack publishes and
 * pushes somewhere real without reaching the internet:
 * <ul>
 *   <li>{@code /mastodon}: a Mastodon instance (statuses with {@code Idempotency-Key} and {@code in_reply_to_id},
 *       status search by URL, credentials check, instance limits), accepting only the access token
 *       {@value #MASTODON_TOKEN}, which belongs to the brand's account {@value #BRAND_ACCOUNT};</li>
 *   <li>{@code /fcm}: Firebase Cloud Messaging HTTP v1 ({@code /fcm/token} OAuth2 JWT-bearer grant and
 *       {@code /fcm/v1/projects/{project}/messages:send});</li>
 *   <li>{@code /emulator}: what was posted and pushed ({@code GET /emulator/mastodon/statuses},
 *       {@code GET /emulator/fcm/messages}), {@code POST /emulator/mastodon/posts} ({@code {"account": "marie",
 *       "text": "..."}}) for a post by someone else on the instance, such as a critic the brand answers,
 *       {@code DELETE /emulator} to forget it all, and
 *       {@code POST /emulator/faults} to make a platform fail for a while ({@code {"platform": "mastodon",
 *       "status": 503, "count": 5, "retryAfterSeconds": 2, "delaySeconds": 0}}; a delay longer than the caller's
 *       timeout makes the call time out).</li>
 * </ul>
 * Everything lives in memory; the platforms' error shapes are their documented ones.
 */
public final class PlatformEmulator implements AutoCloseable {

    public static final String MASTODON_TOKEN = "firebreak-demo-mastodon-token";
    public static final int MASTODON_MAX_CHARACTERS = 500;
    public static final String BRAND_ACCOUNT = "firebreak";
    public static final String MASTODON_HOST = "mastodon.emulator.local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    /**
     * Ids as Mastodon makes them, the creation time in milliseconds shifted left 16 bits plus a sequence: they keep
     * growing across restarts, so a post of a new run never takes the id of one monitoring-service stored before.
     */
    private final AtomicLong ids = new AtomicLong(System.currentTimeMillis() << 16);
    private final List<ObjectNode> statuses = new ArrayList<>();
    private final Map<String, ObjectNode> statusByIdempotencyKey = new HashMap<>();
    private final List<ObjectNode> pushes = new ArrayList<>();
    private final Map<String, Fault> faults = new HashMap<>();

    private PlatformEmulator(HttpServer server) {
        this.server = server;
    }

    /** Listens on 127.0.0.1:{@code port} (0 for any free port). */
    public static PlatformEmulator start(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            PlatformEmulator emulator = new PlatformEmulator(server);
            server.createContext("/", emulator::handle);
            server.setExecutor(emulator.executor);
            server.start();
            return emulator;
        } catch (IOException e) {
            throw new UncheckedIOException("the platform emulator cannot listen on port " + port, e);
        }
    }

    public static void main(String[] args) {
        PlatformEmulator emulator = start(Integer.parseInt(args[0]));
        Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "stop-platform-emulator"));
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Answer answer;
            if (path.startsWith("/mastodon/")) {
                answer = failure("mastodon").orElseGet(() -> mastodon(method, path.substring("/mastodon".length()),
                        exchange));
            } else if (path.startsWith("/fcm/")) {
                answer = failure("fcm").orElseGet(() -> fcm(method, path.substring("/fcm".length()), exchange));
            } else if (path.equals("/emulator") || path.startsWith("/emulator/")) {
                answer = inspection(method, path, exchange);
            } else if (path.equals("/") && method.equals("GET")) {
                answer = Answer.json(200, index());
            } else {
                answer = Answer.json(404, error("no such endpoint: " + method + " " + path));
            }
            byte[] body = answer.body() == null ? new byte[0] : JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
        } catch (RuntimeException e) {
            exchange.sendResponseHeaders(500, -1);
        }
    }

    // --- Mastodon (https://docs.joinmastodon.org/methods/statuses/) ---

    private Answer mastodon(String method, String path, HttpExchange exchange) {
        if (method.equals("GET") && path.equals("/api/v2/instance")) {
            ObjectNode instance = JSON.createObjectNode().put("domain", "mastodon.emulator.local")
                    .put("title", "Firebreak's local Mastodon emulator");
            instance.putObject("configuration").putObject("statuses")
                    .put("max_characters", MASTODON_MAX_CHARACTERS).put("characters_reserved_per_url", 23);
            return Answer.json(200, instance);
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + MASTODON_TOKEN).equals(authorization)) {
            return Answer.json(401, JSON.createObjectNode().put("error", "The access token is invalid"));
        }
        if (method.equals("GET") && path.equals("/api/v1/accounts/verify_credentials")) {
            return Answer.json(200, JSON.createObjectNode().put("id", "1").put("username", "firebreak")
                    .put("acct", "firebreak"));
        }
        if (method.equals("POST") && path.equals("/api/v1/statuses")) {
            return postStatus(exchange);
        }
        if (method.equals("GET") && path.equals("/api/v2/search")) {
            return search(exchange);
        }
        if (method.equals("GET") && path.startsWith("/api/v1/statuses/")) {
            synchronized (this) {
                ObjectNode status = statusById(path.substring("/api/v1/statuses/".length()));
                return status != null ? Answer.json(200, status)
                        : Answer.json(404, JSON.createObjectNode().put("error", "Record not found"));
            }
        }
        return Answer.json(404, JSON.createObjectNode().put("error", "Record not found"));
    }

    private Answer postStatus(HttpExchange exchange) {
        JsonNode request = body(exchange);
        String text = request.path("status").asText("");
        if (text.isBlank()) {
            return Answer.json(422, JSON.createObjectNode().put("error", "Validation failed: Text can't be blank"));
        }
        if (text.codePointCount(0, text.length()) > MASTODON_MAX_CHARACTERS) {
            return Answer.json(422, JSON.createObjectNode().put("error",
                    "Validation failed: Text character limit of " + MASTODON_MAX_CHARACTERS + " exceeded"));
        }
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String inReplyToId = request.path("in_reply_to_id").asText("");
        synchronized (this) {
            if (key != null && statusByIdempotencyKey.containsKey(key)) {
                return Answer.json(200, statusByIdempotencyKey.get(key));
            }
            ObjectNode parent = null;
            if (!inReplyToId.isEmpty()) {
                // Mastodon looks the replied-to status up first and answers 404 when it does not exist
                parent = statusById(inReplyToId);
                if (parent == null) {
                    return Answer.json(404, JSON.createObjectNode().put("error", "Record not found"));
                }
            }
            ObjectNode status = newStatus(BRAND_ACCOUNT, text, request.path("visibility").asText("public"), parent);
            if (key != null) {
                statusByIdempotencyKey.put(key, status);
            }
            return Answer.json(200, status);
        }
    }

    /** {@code GET /api/v2/search?q=<status URL>&resolve=true&type=statuses}: the instance's copy of a status. */
    private Answer search(HttpExchange exchange) {
        Map<String, String> query = query(exchange);
        String q = query.getOrDefault("q", "");
        if (q.isBlank()) {
            return Answer.json(400, JSON.createObjectNode().put("error", "Validation failed: q is missing"));
        }
        ObjectNode result = JSON.createObjectNode();
        result.putArray("accounts");
        result.putArray("hashtags");
        ArrayNode found = result.putArray("statuses");
        if (!query.containsKey("type") || query.get("type").equals("statuses")) {
            synchronized (this) {
                statuses.stream().filter(status -> status.path("url").asText().equals(q)
                        || status.path("uri").asText().equals(q)).forEach(found::add);
            }
        }
        return Answer.json(200, result);
    }

    private ObjectNode newStatus(String account, String text, String visibility, ObjectNode parent) {
        String id = Long.toString(ids.incrementAndGet());
        ObjectNode status = JSON.createObjectNode().put("id", id)
                .put("created_at", Instant.now().toString())
                .put("url", "http://" + MASTODON_HOST + "/@" + account + "/" + id)
                .put("uri", "http://" + MASTODON_HOST + "/users/" + account + "/statuses/" + id)
                .put("content", "<p>" + escapeHtml(text) + "</p>")
                .put("visibility", visibility);
        status.putObject("account").put("id", account).put("username", account).put("acct", account);
        status.put("in_reply_to_id", parent == null ? null : parent.path("id").asText());
        status.put("in_reply_to_account_id", parent == null ? null : parent.path("account").path("id").asText());
        statuses.add(status);
        return status;
    }

    private ObjectNode statusById(String id) {
        return statuses.stream().filter(status -> status.path("id").asText().equals(id)).findFirst().orElse(null);
    }

    // --- FCM HTTP v1 (https://firebase.google.com/docs/reference/fcm/rest/v1/projects.messages/send) ---

    private Answer fcm(String method, String path, HttpExchange exchange) {
        if (method.equals("POST") && path.equals("/token")) {
            String form = readBody(exchange);
            if (!form.contains("grant_type=" + URLEncoder.encode("urn:ietf:params:oauth:grant-type:jwt-bearer", StandardCharsets.UTF_8))
                    || !form.contains("assertion=")) {
                return Answer.json(400, JSON.createObjectNode().put("error", "invalid_grant")
                        .put("error_description", "a JWT-bearer assertion is required"));
            }
            return Answer.json(200, JSON.createObjectNode().put("access_token", "fcm-emulator-" + ids.incrementAndGet())
                    .put("expires_in", 3600).put("token_type", "Bearer"));
        }
        if (method.equals("POST") && path.startsWith("/v1/projects/") && path.endsWith("/messages:send")) {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer fcm-emulator-")) {
                return Answer.json(401, googleError(401, "UNAUTHENTICATED",
                        "Request had invalid authentication credentials."));
            }
            JsonNode message = body(exchange).path("message");
            String token = message.path("token").asText("");
            if (token.isBlank()) {
                return Answer.json(400, googleError(400, "INVALID_ARGUMENT", "The registration token is missing."));
            }
            if (token.startsWith("unregistered")) {
                return Answer.json(404, googleError(404, "NOT_FOUND", "Requested entity was not found."));
            }
            String project = path.substring("/v1/projects/".length(), path.length() - "/messages:send".length());
            String name = "projects/" + project + "/messages/" + ids.incrementAndGet();
            ObjectNode push = JSON.createObjectNode().put("name", name).put("receivedAt", Instant.now().toString());
            push.set("message", message);
            synchronized (this) {
                pushes.add(push);
            }
            return Answer.json(200, JSON.createObjectNode().put("name", name));
        }
        return Answer.json(404, googleError(404, "NOT_FOUND", "no such FCM endpoint"));
    }

    // --- what a person or a test looks at ---

    private Answer inspection(String method, String path, HttpExchange exchange) {
        synchronized (this) {
            if (method.equals("GET") && path.equals("/emulator/mastodon/statuses")) {
                return Answer.json(200, JSON.valueToTree(statuses));
            }
            if (method.equals("POST") && path.equals("/emulator/mastodon/posts")) {
                JsonNode post = body(exchange);
                String account = post.path("account").asText("");
                String text = post.path("text").asText("");
                if (!account.matches("[A-Za-z0-9_]{1,30}") || text.isBlank() || account.equals(BRAND_ACCOUNT)) {
                    return Answer.json(400, error("account (letters, digits, _; not the brand's) and text are required"));
                }
                return Answer.json(200, newStatus(account, text, "public", null));
            }
            if (method.equals("GET") && path.equals("/emulator/fcm/messages")) {
                return Answer.json(200, JSON.valueToTree(pushes));
            }
            if (method.equals("DELETE") && path.equals("/emulator")) {
                statuses.clear();
                statusByIdempotencyKey.clear();
                pushes.clear();
                faults.clear();
                return new Answer(204, null, Map.of());
            }
            if (method.equals("POST") && path.equals("/emulator/faults")) {
                JsonNode fault = body(exchange);
                String platform = fault.path("platform").asText();
                if (!platform.equals("mastodon") && !platform.equals("fcm") || fault.path("status").asInt() < 400) {
                    return Answer.json(400, error("platform must be mastodon or fcm, status an HTTP error code"));
                }
                faults.put(platform, new Fault(fault.path("status").asInt(), fault.path("count").asInt(1),
                        fault.path("retryAfterSeconds").asInt(0), fault.path("delaySeconds").asInt(0)));
                return new Answer(204, null, Map.of());
            }
        }
        return Answer.json(404, error("no such endpoint: " + method + " " + path));
    }

    private java.util.Optional<Answer> failure(String platform) {
        Fault fault;
        synchronized (this) {
            fault = faults.get(platform);
            if (fault != null && fault.remaining() <= 1) {
                faults.remove(platform);
            } else if (fault != null) {
                faults.put(platform, new Fault(fault.status(), fault.remaining() - 1, fault.retryAfterSeconds(),
                        fault.delaySeconds()));
            }
        }
        if (fault == null) {
            return java.util.Optional.empty();
        }
        if (fault.delaySeconds() > 0) { // longer than the caller's timeout: the call times out
            try {
                Thread.sleep(fault.delaySeconds() * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, String> headers = fault.retryAfterSeconds() > 0
                ? Map.of("Retry-After", Integer.toString(fault.retryAfterSeconds())) : Map.of();
        ObjectNode body = platform.equals("fcm")
                ? googleError(fault.status(), fault.status() == 429 ? "RESOURCE_EXHAUSTED" : "UNAVAILABLE",
                "injected by the emulator")
                : JSON.createObjectNode().put("error", "injected by the emulator");
        return java.util.Optional.of(new Answer(fault.status(), body, headers));
    }

    private ObjectNode index() {
        ObjectNode index = JSON.createObjectNode();
        index.put("mastodon", url() + "/mastodon (access token " + MASTODON_TOKEN + ")");
        index.put("fcm", url() + "/fcm (token URI " + url() + "/fcm/token)");
        ArrayNode inspect = index.putArray("inspect");
        inspect.add(url() + "/emulator/mastodon/statuses").add(url() + "/emulator/fcm/messages");
        index.put("post as someone else", "POST " + url() + "/emulator/mastodon/posts {\"account\":..., \"text\":...}");
        return index;
    }

    private static ObjectNode googleError(int code, String status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.putObject("error").put("code", code).put("message", message).put("status", status);
        return body;
    }

    private static ObjectNode error(String message) {
        return JSON.createObjectNode().put("error", message);
    }

    private static JsonNode body(HttpExchange exchange) {
        String text = readBody(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
            ObjectNode form = JSON.createObjectNode();
            for (String pair : text.split("&")) {
                String[] parts = pair.split("=", 2);
                if (parts.length == 2) {
                    form.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                            URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                }
            }
            return form;
        }
        try {
            return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length == 2 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
            }
        }
        return query;
    }

    private static String readBody(HttpExchange exchange) {
        try {
            return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private record Fault(int status, int remaining, int retryAfterSeconds, int delaySeconds) {
    }

    private record Answer(int status, JsonNode body, Map<String, String> headers) {
        static Answer json(int status, JsonNode body) {
            return new Answer(status, body, Map.of());
        }
    }
}
