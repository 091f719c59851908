package io.firebreak.monitoring.watch;

/** A watch query that cannot be parsed; {@code position} is the 0-based offset of the problem in the query. */
public class QuerySyntaxException extends RuntimeException {

    private final int position;

    public QuerySyntaxException(String message, int position) {
        super(message + " at position " + position);
        this.position = position;
    }

    public int position() {
        return position;
    }
}
