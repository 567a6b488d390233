package dev.steward.application.inmemory;

import dev.steward.application.port.reasoning.LanguageModel;
import dev.steward.application.port.reasoning.LanguageModelContract;
import java.util.List;

class InMemoryLanguageModelTest extends LanguageModelContract {

    private final InMemoryLanguageModel model = new InMemoryLanguageModel(MODEL,
            request -> new LanguageModel.ModelAnswer(ANSWER, USAGE));

    @Override
    protected LanguageModel model() {
        return model;
    }

    @Override
    protected List<String> received() {
        return model.requests();
    }
}
