package io.firebreak.monitoring.tone;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The REST shapes of the tone check. */
public final class ToneDtos {

    public static final int MAX_TEXT_LENGTH = 20_000;

    private ToneDtos() {
    }

    /** @param language "en" or "fr"; absent: detected */
    public record ToneRequest(@NotNull @Size(min = 1, max = MAX_TEXT_LENGTH) String text, String language) {
    }

    public record FindingView(ToneCategory category, ToneSeverity severity, int start, int end, String excerpt,
                              String reason) {

        static FindingView of(ToneFinding finding) {
            return new FindingView(finding.category(), finding.severity(), finding.start(), finding.end(),
                    finding.excerpt(), finding.reason());
        }
    }

    public record ToneView(ToneVerdict verdict, String language, List<FindingView> findings) {

        static ToneView of(ToneReport report) {
            return new ToneView(report.verdict(), report.language().code(),
                    report.findings().stream().map(FindingView::of).toList());
        }
    }
}
