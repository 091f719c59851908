package io.firebreak.monitoring.sentiment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SentimentAnalyzerTest {

    private static final SentimentAnalyzer ANALYZER = new SentimentAnalyzer();

    private static SentimentResult analyze(String text) {
        return ANALYZER.analyze(text);
    }

    @Test
    void praiseIsPositiveAndSaysWhichWordsDecided() {
        SentimentResult result = analyze("The new app is great, I love it");

        assertThat(result.label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(result.language()).isEqualTo(Language.EN);
        assertThat(result.cues()).contains("great", "love it");
    }

    @Test
    void negationFlipsTheWordsThatFollow() {
        assertThat(analyze("This update is good").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("This update is not good").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("Honestly not bad at all").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void frenchNegationFlipsWhetherWrittenWithNeOrPas() {
        assertThat(analyze("J'aime ce service").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("Je n'aime pas ce service").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("Le service client n'est pas génial").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("c'est pas mal du tout").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void whatFollowsButOutweighsWhatPrecedes() {
        assertThat(analyze("The staff were nice but the delivery was terrible").label())
                .isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("Le début était nul mais la fin est géniale").label())
                .isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void intensifiersStrengthenAndAttenuatorsSoften() {
        double plain = analyze("the service is good").score();

        assertThat(analyze("the service is really good").score()).isGreaterThan(plain);
        assertThat(analyze("the service is slightly good").score()).isLessThan(plain);
        assertThat(analyze("le service est très bon").score()).isGreaterThan(analyze("le service est bon").score());
    }

    @Test
    void emojisAndEmoticonsCarrySentiment() {
        assertThat(analyze("my order arrived today 😡😡").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("my order arrived today :)").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("ma commande est arrivée :(").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("my order arrived today ❤️").cues()).containsExactly("❤");
    }

    @Test
    void elongatedWordsAreRecognisedAndStressed() {
        SentimentResult elongated = analyze("ce film est nuuuuul");

        assertThat(elongated.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(elongated.score()).isLessThan(analyze("ce film est nul").score());
        assertThat(analyze("this is sooo goooood").score()).isGreaterThan(analyze("this is good").score());
    }

    @Test
    void hashtagsAreReadAsWords() {
        SentimentResult result = analyze("Another outage today #fail");

        assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(result.cues()).contains("fail");
    }

    @Test
    void capitalsStressAWord() {
        assertThat(analyze("the support was AWFUL").score()).isLessThan(analyze("the support was awful").score());
    }

    @Test
    void socialMediaSlangIsUnderstoodInBothLanguages() {
        assertThat(analyze("wtf is this update").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("trop bien ce concert mdr").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("bof, le nouveau menu").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("c'est grave nul").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void factualTextIsNeutral() {
        SentimentResult result = analyze("The shop opens at 9 on Monday, see the map at https://example.com/map");

        assertThat(result.label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(result.score()).isZero();
    }

    @Test
    void languageIsDetectedOrTakenAsGiven() {
        assertThat(analyze("Je suis très déçu par le service client").language()).isEqualTo(Language.FR);
        assertThat(analyze("I am very disappointed with the support").language()).isEqualTo(Language.EN);
        assertThat(ANALYZER.analyze("super", Language.FR).language()).isEqualTo(Language.FR);
    }

    @Test
    void scoreStaysWithinBoundsEvenForPilesOfWords() {
        SentimentResult result = analyze("awful terrible horrible worst disgusting ".repeat(50) + "!!!!!!");

        assertThat(result.score()).isBetween(-1.0, -0.9);
    }

    @Test
    void literalUnicodeEscapesLeftByDoubleEncodingAreDecoded() {
        assertThat(SentimentAnalyzer.unescape("I don\\u2019t like it\\u002c sorry"))
                .isEqualTo("I don’t like it, sorry");
        assertThat(SentimentAnalyzer.unescape("a \\uZZZZ b \\u12")).isEqualTo("a \\uZZZZ b \\u12");
        // The negation cut by the escape is found again.
        assertThat(analyze("I don\\u2019t enjoy the new update").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("I don\\u2019t enjoy the new update").cues()).containsExactly("enjoy");
    }

    @Test
    void inflectedFormsOfLexiconWordsCount() {
        assertThat(analyze("the staff hated our questions").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("she loves the new design").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("j'adore leurs nouvelles recettes").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void expressionsOfTwoOrThreeWordsAreReadAsOne() {
        // The longest one wins: "looking forward to" rather than "looking forward".
        assertThat(analyze("we are looking forward to the show").cues()).containsExactly("looking forward to");
        assertThat(analyze("we are looking forward, then back").cues()).containsExactly("looking forward");
        assertThat(analyze("c'est pire que tout").cues()).containsExactly("pire que tout");
    }

    @Test
    void moreEveryDaySlangIsUnderstood() {
        assertThat(analyze("that concert was dope").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("missed the last train again fml").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("a sustainable plan with renewable power").label()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void aNegationThatReachesNoSentimentWordStillLeansNegative() {
        SentimentResult result = analyze("I wanted to come but I can't");

        assertThat(result.label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(result.cues()).isEmpty();
    }

    @Test
    void anExpressionCarryingItsOwnNegationIsNotNegatedAgain() {
        assertThat(analyze("no this is not ok").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("no this is not ok").cues()).containsExactly("not ok");
    }

    @Test
    void praiseAskedAboutWeighsLessThanPraiseGiven() {
        double given = analyze("the new app is good").score();
        double asked = analyze("is the new app good?").score();

        assertThat(asked).isPositive().isLessThan(given);
        // Only the clause that ends with the question mark is asked.
        assertThat(analyze("the new app is good. Is it out?").score()).isEqualTo(given);
    }

    @Test
    void capitalisedWordsNextToEachOtherAreANameNotAnOpinion() {
        SentimentResult name = analyze("Tickets for Bad Girls Club on Friday");

        assertThat(name.label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(name.cues()).isEmpty();
        // A capital that opens the sentence is no name: "Happy Friday" is a wish.
        assertThat(analyze("Happy Friday everyone!").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("tickets for the bad club on friday").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void aParenthesisGluedToAWordClosesAnAsideRatherThanDrawingAFace() {
        assertThat(analyze("Toyota (NYSE:TM): results on Monday").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyze("results on Monday ):").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void knownNeutralWordsAreNotReadAsFormsOfSentimentWords() {
        assertThat(analyze("I was late").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("see you later").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyze("the latest figures are out").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyze("the band plays tonight").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyze("pas mal de monde ce matin").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void aSingleSoftenedMildWordStaysInTheNeutralBand() {
        assertThat(analyze("the food was ok").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("the food was kinda ok").label()).isEqualTo(SentimentLabel.NEUTRAL);
    }

    @Test
    void outagesAndInvitationsAreReadAsPhrases() {
        assertThat(analyze("the site is down again").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("Don't miss the show tonight").label()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(analyze("are you kidding me").label()).isEqualTo(SentimentLabel.NEGATIVE);
        assertThat(analyze("j'en ai marre de cette appli").label()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @Test
    void emptyOrNullTextIsNeutral() {
        assertThat(analyze("").label()).isEqualTo(SentimentLabel.NEUTRAL);
        assertThat(analyze(null).label()).isEqualTo(SentimentLabel.NEUTRAL);
    }
}
