package io.firebreak.monitoring.detection;

/** A backtest input line that is not {@code timestamp,value}; carries the 1-based line number. */
public class MalformedSeriesException extends RuntimeException {

    private final long line;

    public MalformedSeriesException(long line, String reason) {
        super("line " + line + ": " + reason);
        this.line = line;
    }

    public long line() {
        return line;
    }
}
