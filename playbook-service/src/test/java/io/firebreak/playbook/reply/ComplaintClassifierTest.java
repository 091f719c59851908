package io.firebreak.playbook.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.firebreak.playbook.playbook.PlaybookDefinition.Complaint;
import org.junit.jupiter.api.Test;

class ComplaintClassifierTest {

    @Test
    void frenchAndEnglishOutagesAreOutages() {
        assertThat(ComplaintClassifier.classify("L'appli est en PANNE depuis ce matin, impossible de me connecter !"))
                .isEqualTo(Complaint.OUTAGE);
        assertThat(ComplaintClassifier.classify("Your app is down again, nothing is working")).isEqualTo(Complaint.OUTAGE);
    }

    @Test
    void delaysRefundsAndDataWorriesAreRecognised() {
        assertThat(ComplaintClassifier.classify("Toujours pas reçu ma carte, 3 semaines de retard"))
                .isEqualTo(Complaint.DELAY);
        assertThat(ComplaintClassifier.classify("I want a refund, you charged me twice")).isEqualTo(Complaint.REFUND);
        assertThat(ComplaintClassifier.classify("Je veux être remboursé des frais")).isEqualTo(Complaint.REFUND);
        assertThat(ComplaintClassifier.classify("Mes données personnelles ont fuité ? RGPD !")).isEqualTo(Complaint.DATA);
    }

    @Test
    void accentsAndCaseDoNotMatter() {
        assertThat(ComplaintClassifier.classify("DONNÉES volées")).isEqualTo(Complaint.DATA);
        assertThat(ComplaintClassifier.classify("donnees volees")).isEqualTo(Complaint.DATA);
    }

    @Test
    void onATieTheMoreSeriousComplaintWins() {
        // One outage word, one data word: a data worry answered as an outage would add fuel.
        assertThat(ComplaintClassifier.classify("App down and my password leaked?")).isEqualTo(Complaint.DATA);
    }

    @Test
    void stemsMatchAtTheStartOfAWordOnly() {
        // "attendu" is a stem of "attend" (delay), but "maintenance" does not contain a word starting with "panne".
        assertThat(ComplaintClassifier.classify("Maintenance prévue, merci")).isEqualTo(Complaint.OTHER);
    }

    @Test
    void nothingRecognisableIsOther() {
        assertThat(ComplaintClassifier.classify("Vous êtes nuls")).isEqualTo(Complaint.OTHER);
        assertThat(ComplaintClassifier.classify(null)).isEqualTo(Complaint.OTHER);
        assertThat(ComplaintClassifier.classify("  ")).isEqualTo(Complaint.OTHER);
    }
}
