package io.firebreak.notification;

import static org.awaitility.Awaitility.await;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.BodyPart;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reads, over IMAP, the mails GreenMail received for one address. */
public final class Mailboxes {

    private Mailboxes() {
    }

    /** A received mail, as its recipient's client shows it. */
    public record ReceivedMail(String subject, List<String> to, String text, String html) {
    }

    /** Waits until {@code address} received at least {@code count} mails and returns them, oldest first. */
    public static List<ReceivedMail> awaitMails(String address, int count, Duration timeout) {
        return await().atMost(timeout).pollInterval(Duration.ofMillis(300))
                .ignoreExceptions()
                .until(() -> read(address), mails -> mails.size() >= count);
    }

    public static List<ReceivedMail> read(String address) throws MessagingException, IOException {
        int port = ConfigProvider.getConfig().getValue(GreenMailTestResource.IMAP_PORT, Integer.class);
        Store store = Session.getInstance(new Properties()).getStore("imap");
        try {
            store.connect("127.0.0.1", port, address, address);
        } catch (AuthenticationFailedException noMailboxYet) {
            // GreenMail opens an address' mailbox with its first mail.
            return List.of();
        }
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            List<ReceivedMail> mails = new ArrayList<>();
            for (Message message : inbox.getMessages()) {
                List<String> to = new ArrayList<>();
                for (var recipient : message.getRecipients(Message.RecipientType.TO)) {
                    to.add(recipient.toString());
                }
                String text = null;
                String html = null;
                if (message.getContent() instanceof Multipart multipart) {
                    for (int i = 0; i < multipart.getCount(); i++) {
                        BodyPart part = multipart.getBodyPart(i);
                        if (part.isMimeType("text/plain")) {
                            text = part.getContent().toString();
                        } else if (part.isMimeType("text/html")) {
                            html = part.getContent().toString();
                        }
                    }
                }
                mails.add(new ReceivedMail(message.getSubject(), to, text, html));
            }
            inbox.close(false);
            return mails;
        } finally {
            store.close();
        }
    }
}
