package io.firebreak.playbook.client;

/** What monitoring-service's {@code POST /api/tone} reads. */
public record ToneRequest(String text, String language) {
}
