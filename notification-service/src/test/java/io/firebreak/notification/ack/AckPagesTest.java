package io.firebreak.notification.ack;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AckPagesTest {

    @Test
    void theConfirmPagePostsBackAndEscapesWhatItShows() {
        String page = AckPages.confirm("en", "<script>alert(1)</script>", "Legal & Risk");
        assertThat(page).contains("<form method=\"post\" action=\"\">", "I'm on it", "Legal &amp; Risk",
                "&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void frenchRecipientsReadFrench() {
        assertThat(AckPages.confirm("fr", "Panne", "Porte-parole")).contains("lang=\"fr\"", "Je prends le relais",
                "Crise « Panne »");
    }
}
