package io.firebreak.events;

/** How bad a signal or a crisis is; escalation policies and push priority depend on it. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL
}
