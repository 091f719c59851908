package io.firebreak.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PreparedMailTest {

    private final PreparedMail mail = PreparedMail.of(
            "Crisis: you are " + PreparedMail.slot("role"),
            "Hello " + PreparedMail.slot("name") + ",\nacknowledge: " + PreparedMail.slot("ackUrl") + "\n",
            "<p>Hello " + PreparedMail.slot("name") + "</p><a href=\"" + PreparedMail.slot("ackUrl") + "\">ok</a>");

    @Test
    void eachRecipientsValuesGoIntoTheirSlots() {
        MailComposer.ComposedMail composed = mail.fill(Map.of("name", "ada", "role", "Spokesperson",
                "ackUrl", "http://x/api/ack/1.2.3"));

        assertThat(composed.subject()).isEqualTo("Crisis: you are Spokesperson");
        assertThat(composed.text()).isEqualTo("Hello ada,\nacknowledge: http://x/api/ack/1.2.3\n");
        assertThat(composed.html()).isEqualTo("<p>Hello ada</p><a href=\"http://x/api/ack/1.2.3\">ok</a>");
    }

    @Test
    void valuesAreEscapedInTheHtmlPartOnly() {
        MailComposer.ComposedMail composed = mail.fill(Map.of("name", "<b>O'Neil & \"Sons\"</b>", "role", "R&D",
                "ackUrl", "http://x/?a=1&b=2"));

        assertThat(composed.subject()).isEqualTo("Crisis: you are R&D");
        assertThat(composed.text()).startsWith("Hello <b>O'Neil & \"Sons\"</b>,");
        assertThat(composed.html()).isEqualTo("<p>Hello &lt;b&gt;O&#39;Neil &amp; &quot;Sons&quot;&lt;/b&gt;</p>"
                + "<a href=\"http://x/?a=1&amp;b=2\">ok</a>");
    }

    @Test
    void theHtmlPartIsAsciiWithEveryOtherCharacterAsAReference() {
        PreparedMail french = PreparedMail.of("Crise « Panne »", "Bonjour " + PreparedMail.slot("name") + ",\n",
                "<p title=\"crise « panne »\">Bonjour " + PreparedMail.slot("name") + ", vous êtes prévenu</p>");

        MailComposer.ComposedMail composed = french.fill(Map.of("name", "Zoë <Ω> 😡"));

        assertThat(composed.html()).isEqualTo("<p title=\"crise &#xab; panne &#xbb;\">Bonjour Zo&#xeb; &lt;&#x3a9;&gt;"
                + " &#x1f621;, vous &#xea;tes pr&#xe9;venu</p>");
        assertThat(composed.subject()).isEqualTo("Crise « Panne »");
        assertThat(composed.text()).isEqualTo("Bonjour Zoë <Ω> 😡,\n");
    }

    @Test
    void oneRecipientsValuesDoNotStayForTheNext() {
        mail.fill(Map.of("name", "ada", "role", "Spokesperson", "ackUrl", "http://x/1"));

        MailComposer.ComposedMail second = mail.fill(Map.of("name", "bob", "role", "Legal", "ackUrl", "http://x/2"));

        assertThat(second.text()).isEqualTo("Hello bob,\nacknowledge: http://x/2\n");
        assertThat(second.subject()).isEqualTo("Crisis: you are Legal");
    }

    @Test
    void aMailWithoutSlotsIsSentAsRendered() {
        PreparedMail plain = PreparedMail.of("Subject", "Text", "<p>Html</p>");

        assertThat(plain.fill(Map.of("name", "ada"))).isEqualTo(new MailComposer.ComposedMail("Subject", "Text",
                "<p>Html</p>"));
    }

    @Test
    void theHtmlPartGoesOnAsFewLinesAsAMailAllows() {
        PreparedMail letter = PreparedMail.of("Subject", "Text\n", "<p>\n" + PreparedMail.slot("body") + "\n</p>\n");
        String words = "word ".repeat(300);

        String html = letter.fill(Map.of("body", words)).html();

        // 1,508 characters: two lines, each broken at a space and within the 998 characters of a mail line.
        assertThat(html.split("\n")).hasSize(2).allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(998));
        assertThat(html.replace('\n', ' ')).isEqualTo("<p> " + words + " </p> ");
    }

    @Test
    void aLongerLineWithNoSpaceToBreakAtIsLeftWhole() {
        String word = "a".repeat(1200);

        String html = PreparedMail.fewLines("<p>" + word + "</p>\n<p>x</p>");

        // Over the limit (the mail client then encodes the part, which is still correct), but never cut.
        assertThat(html).isEqualTo("<p>" + word + "</p>\n<p>x</p>");
    }
}
