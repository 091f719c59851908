package io.firebreak.monitoring.signal;

/** Where a signal stands in triage. */
public enum SignalStatus {
    OPEN, ACKNOWLEDGED, DISMISSED, CLOSED
}
