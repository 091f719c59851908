package io.firebreak.events;

/** A person holding a playbook role on a crisis, as carried in crisis events. */
public record Assignment(String subject, String username, String email, String role, boolean backup) {
}
