package dev.ballast.tracking.app;

import java.security.SecureRandom;
import java.util.List;

/** Memorable run names ("bold-heron-417") for runs created without one, in MLflow's style. */
final class RunNames {
    private static final List<String> ADJECTIVES = List.of("able", "bold", "brave", "bright", "calm", "clever", "crisp", "eager",
            "fair", "gentle", "glad", "grand", "keen", "kind", "lively", "loyal", "lucid", "merry", "nimble", "noble", "placid",
            "proud", "quick", "quiet", "rare", "sharp", "shy", "silent", "sleek", "smooth", "steady", "swift", "tidy", "vivid", "warm", "wise");
    private static final List<String> NOUNS = List.of("ant", "bass", "bear", "bee", "cat", "cod", "colt", "crane", "crow", "deer", "doe",
            "dove", "duck", "eel", "elk", "finch", "fox", "frog", "goat", "hare", "hawk", "heron", "jay", "lark", "lynx", "mole", "moth",
            "newt", "owl", "ox", "pike", "ram", "robin", "seal", "slug", "snail", "swan", "toad", "trout", "wasp", "whale", "wolf", "wren");
    private static final SecureRandom RANDOM = new SecureRandom();

    private RunNames() {
    }

    static String generate() {
        return ADJECTIVES.get(RANDOM.nextInt(ADJECTIVES.size())) + "-" + NOUNS.get(RANDOM.nextInt(NOUNS.size())) + "-"
                + RANDOM.nextInt(1000);
    }
}
