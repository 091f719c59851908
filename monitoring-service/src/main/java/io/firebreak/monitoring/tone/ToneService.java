package io.firebreak.monitoring.tone;

import io.firebreak.monitoring.sentiment.Language;
import io.firebreak.monitoring.tone.ToneDtos.ToneRequest;
import io.firebreak.monitoring.tone.ToneDtos.ToneView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Holds the one tone checker of the service (its rules are compiled once). */
@ApplicationScoped
public class ToneService {

    private final ToneChecker checker = new ToneChecker();

    public ToneView check(ToneRequest request, String caller) {
        Language language = request.language() == null ? null : Language.fromCode(request.language())
                .orElseThrow(() -> ProblemException.invalid("unsupported-language",
                        "Language '" + request.language() + "' is not supported: use en or fr, or leave it out",
                        List.of(new Problem.FieldError("language", "must be en or fr"))));
        ToneReport report = checker.check(request.text(), language);
        Log.debugf("Tone check for %s: %s with %d findings", caller, report.verdict(), report.findings().size());
        return ToneView.of(report);
    }
}
