package io.firebreak.publishing.publication;

import io.firebreak.publishing.adapter.PlatformAdapter;
import io.firebreak.publishing.adapter.PlatformAdapter.ChannelAccess;
import java.util.List;
import java.util.UUID;

/** A publication one replica claimed, with everything needed to send it outside the claiming transaction. */
record Claim(UUID publicationId, PlatformAdapter adapter, ChannelAccess access, List<String> parts, int attempt) {
}
