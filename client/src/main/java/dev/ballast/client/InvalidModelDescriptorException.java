package dev.ballast.client;

import java.util.List;

/**
 * A {@code ballast-model.json} that cannot be read or breaks the format's rules. It lists every
 * problem found, not only the first, so one round of fixes is enough.
 */
public class InvalidModelDescriptorException extends IllegalArgumentException {
    private final List<String> problems;

    public InvalidModelDescriptorException(List<String> problems) {
        super("ballast-model.json is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as a sentence naming the field, e.g. {@code features[2].name is empty}. */
    public List<String> problems() {
        return problems;
    }
}
