package io.firebreak.publishing.adapter;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** How every adapter turns an HTTP failure into a {@link PlatformException}. */
final class HttpErrors {

    private HttpErrors() {
    }

    /** Classifies a non-2xx answer; {@code what} names the call, {@code reason} is the platform's own words. */
    static PlatformException of(String what, HttpResponse<Buffer> response, String reason) {
        int status = response.statusCode();
        String message = what + " answered " + status + (reason != null ? ": " + reason : "");
        if (status == 429) {
            return PlatformException.transientFailure(status, message, retryAfter(response.getHeader("Retry-After")));
        }
        if (status == 401 || status == 403) {
            return PlatformException.unauthorized(status, message);
        }
        if (status == 408 || status >= 500) {
            return PlatformException.transientFailure(status, message, retryAfter(response.getHeader("Retry-After")));
        }
        return PlatformException.rejected(status, message);
    }

    /**
     * A failure before any answer: worth retrying. A connection never made (refused, unknown host, connect
     * timeout) sent nothing; a timeout or reset once connected may have left the request with the platform.
     */
    static Throwable ofTransport(String what, Throwable failure) {
        if (failure instanceof PlatformException) {
            return failure;
        }
        String message = what + " failed: " + failure.getClass().getSimpleName()
                + (failure.getMessage() != null ? " " + failure.getMessage() : "");
        if (failure instanceof ConnectException || failure instanceof UnknownHostException) {
            return PlatformException.transientFailure(0, message, null);
        }
        return PlatformException.interrupted(message);
    }

    /** The platform's error text from a JSON body's {@code field}, or the body itself, kept short. */
    static String reason(HttpResponse<Buffer> response, String field) {
        String body = response.bodyAsString();
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            Object value = new JsonObject(body).getValue(field);
            if (value != null) {
                return value.toString();
            }
        } catch (RuntimeException notJson) {
            // fall through to the raw body
        }
        return body.length() > 300 ? body.substring(0, 300) : body;
    }

    /** Retry-After as delta-seconds or an HTTP-date (RFC 9110 §10.2.3). */
    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.strip())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(header.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration delay = Duration.between(Instant.now(), at);
                return delay.isNegative() ? Duration.ZERO : delay;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
