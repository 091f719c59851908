package io.firebreak.monitoring.sentiment;

import io.firebreak.monitoring.sentiment.SentimentDtos.SentimentRequest;
import io.firebreak.monitoring.sentiment.SentimentDtos.SentimentResponse;
import io.firebreak.monitoring.sentiment.SentimentDtos.SentimentView;
import io.firebreak.platform.problem.Problem;
import io.firebreak.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Holds the one analyzer of the service (its lexicons are read once) and scores batches with it. */
@ApplicationScoped
public class SentimentService {

    private final SentimentAnalyzer analyzer = new SentimentAnalyzer();

    public SentimentResult analyze(String text, Language language) {
        return analyzer.analyze(text, language);
    }

    public SentimentResponse analyze(SentimentRequest request) {
        Language language = request.language() == null ? null : Language.fromCode(request.language())
                .orElseThrow(() -> ProblemException.invalid("unsupported-language",
                        "Language '" + request.language() + "' is not supported: use en or fr, or leave it out",
                        List.of(new Problem.FieldError("language", "must be en or fr"))));
        List<SentimentView> results = request.texts().stream()
                .map(text -> SentimentView.of(analyzer.analyze(text, language)))
                .toList();
        return new SentimentResponse(results);
    }
}
