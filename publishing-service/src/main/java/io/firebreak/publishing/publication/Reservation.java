package io.firebreak.publishing.publication;

import java.time.Instant;
import java.util.UUID;

/** A publication one replica reserved in a pass because it falls due before the next one: claimed at {@code dueAt}. */
record Reservation(UUID publicationId, Instant dueAt) {
}
