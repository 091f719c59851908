package io.firebreak.notification.chat;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/** What a chat webhook URL must look like: HTTPS (plain HTTP only for a local stand-in on this machine). */
public final class ChatRules {

    public enum Kind { SLACK, TEAMS }

    private ChatRules() {
    }

    public static Optional<String> urlProblem(String url) {
        URI uri;
        try {
            uri = new URI(url == null ? "" : url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
        if (uri.getHost() == null) {
            return Optional.of("not an absolute URL");
        }
        boolean loopback = uri.getHost().equals("localhost") || uri.getHost().equals("127.0.0.1");
        if (!"https".equals(uri.getScheme()) && !("http".equals(uri.getScheme()) && loopback)) {
            return Optional.of("must be an https URL (it carries the webhook's secret)");
        }
        return Optional.empty();
    }

    /** A URL shown back with its secret path hidden: scheme and host only. */
    public static String masked(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
    }
}
