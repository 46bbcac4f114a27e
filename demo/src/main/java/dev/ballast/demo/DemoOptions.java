package dev.ballast.demo;

import java.util.Map;

/**
 * What the demo runs against and how big it is, from command-line options with environment fallbacks, so that
 * {@code ./ballast demo} works after {@code ./ballast start} with the same variables and a test can shrink it.
 *
 * @param url      Ballast's address
 * @param user     who runs the demo; an ADMIN also creates the demo users
 * @param password that user's password
 * @param seed     seed of the synthetic data and of every trainer
 * @param rows     influencers in the training dataset
 * @param epochs   coordinate-descent passes (epochs) of the linear models; each one's metrics are logged
 * @param traffic  rows of served traffic before and after the shift
 * @param prefix   prefix of the demo's names (experiment, dataset, model, users)
 */
public record DemoOptions(String url, String user, String password, long seed, int rows, int epochs, int traffic, String prefix) {

    static final String USAGE = """
            Usage: ./ballast demo [options]
              --url URL          Ballast's address (BALLAST_URL, default http://127.0.0.1:8080)
              --user NAME        who runs the demo (BALLAST_USER, default admin); an ADMIN also creates the
                                 demo users <prefix>-engineer and <prefix>-reviewer
              --password SECRET  that user's password (BALLAST_PASSWORD, else BALLAST_ADMIN_PASSWORD)
              --seed N           seed of the data and the trainers (default 42)
              --rows N           influencers in the training data (default 5000)
              --epochs N         passes (epochs) of the linear models (default 12)
              --traffic N        served rows before and after the shift (default 600)
              --prefix NAME      names of the experiment, dataset, model and users (default influencer-growth)
              --help             this text
            """;

    /** Parses {@code args}, falling back to {@code env}; throws IllegalArgumentException with a message for bad input. */
    public static DemoOptions parse(String[] args, Map<String, String> env) {
        String url = env.getOrDefault("BALLAST_URL", "http://127.0.0.1:8080");
        String user = env.getOrDefault("BALLAST_USER", "admin");
        String password = env.getOrDefault("BALLAST_PASSWORD", env.get("BALLAST_ADMIN_PASSWORD"));
        long seed = 42;
        int rows = 5000;
        int epochs = 12;
        int traffic = 600;
        String prefix = "influencer-growth";
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help") || name.equals("-h")) {
                throw new HelpRequested();
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String value = args[++i];
            switch (name) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--seed" -> seed = number(name, value, Long.MIN_VALUE, Long.MAX_VALUE);
                case "--rows" -> rows = (int) number(name, value, 500, 1_000_000);
                case "--epochs" -> epochs = (int) number(name, value, 1, 200);
                case "--traffic" -> traffic = (int) number(name, value, 200, 100_000);
                case "--prefix" -> {
                    if (!value.matches("[a-z][a-z0-9-]{0,40}")) {
                        throw new IllegalArgumentException("--prefix must be lower-case letters, digits and '-' (at most 41)");
                    }
                    prefix = value;
                }
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("no password: pass --password or set BALLAST_PASSWORD (or BALLAST_ADMIN_PASSWORD, "
                    + "the one ./ballast start was given)");
        }
        return new DemoOptions(url.replaceAll("/+$", ""), user, password, seed, rows, epochs, traffic, prefix);
    }

    private static long number(String name, String value, long min, long max) {
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " must be between " + min + " and " + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    /** Thrown by {@link #parse} for {@code --help}. */
    static final class HelpRequested extends RuntimeException {
        HelpRequested() {
            super(null, null, false, false);
        }
    }
}
