package io.firebreak.monitoring.tone;

import io.firebreak.monitoring.sentiment.Language;
import java.util.List;

/** The tone of a statement: the verdict and the passages that decided it, in the order of the text. */
public record ToneReport(ToneVerdict verdict, Language language, List<ToneFinding> findings) {
}
