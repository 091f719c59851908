package io.firebreak.monitoring.mention;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QuestionDetectorTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "Is the app down for everyone?",
            "C'est quand que le service revient ?",
            "Le remboursement, c'est pour quand ？",
            "Why is my order still not shipped",
            "@acme when will you fix the outage",
            "Ok. How do I get a refund",
            "Is anyone else unable to log in",
            "Can someone from acme answer me",
            "Will you refund the customers",
            "Does acme even read these messages",
            "Pourquoi l'appli plante encore",
            "Quand est-ce que vous répondez",
            "Comment on fait pour être remboursé",
            "Est-ce que quelqu'un a une réponse",
            "Est ce que le service client existe encore",
            "C'est quand la fin de la panne",
            "Qui s'occupe de ce bazar",
            "Où est passé mon colis",
            "Vous allez rembourser les clients",
            "Allez-vous enfin répondre à vos clients",
            "Pouvez-vous m'aider, s'il vous plaît",
            "Y a-t-il quelqu'un au service client",
            "Puis-je annuler ma commande",
            "#acmefail combien de temps encore",
            "Bonjour. À quand le retour du service",
            "A\u0300 quand le retour du service", // the accent as a combining mark
            "POURQUOI ÇA NE MARCHE PLUS",
    })
    void questionsInFrenchAndEnglishAreRecognised(String text) {
        assertThat(QuestionDetector.isQuestion(text)).as(text).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "The app is down again, unbelievable",
            "L'appli est encore en panne, quelle honte !",
            "Quelle horreur ce service client",
            "What a mess, acme",
            "See https://acme.example/status?incident=42 for details",
            "Do not buy from acme",
            "Rendez-vous en boutique pour un échange",
            "« Nous réglons le problème », dit-il à la presse",
            "Ou alors ils ne lisent pas leurs messages",
            "J'adore la nouvelle version",
            "",
    })
    void statementsAreNotQuestions(String text) {
        assertThat(QuestionDetector.isQuestion(text)).as(text).isFalse();
    }

    @org.junit.jupiter.api.Test
    void nothingIsNotAQuestion() {
        assertThat(QuestionDetector.isQuestion(null)).isFalse();
    }
}
