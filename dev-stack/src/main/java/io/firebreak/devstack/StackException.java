package io.firebreak.devstack;

/** A start or stop that cannot go on; the message is one line that says what to do. */
public class StackException extends RuntimeException {

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
