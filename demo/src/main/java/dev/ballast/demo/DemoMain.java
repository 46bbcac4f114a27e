package dev.ballast.demo;

/** {@code ./ballast demo}: parses the options, runs the {@link Demo}, and turns failures into a message and exit status 1. */
public final class DemoMain {
    private DemoMain() {
    }

    public static void main(String[] args) {
        quietLibraries();
        DemoOptions options;
        try {
            options = DemoOptions.parse(args, System.getenv());
        } catch (DemoOptions.HelpRequested help) {
            System.out.print(DemoOptions.USAGE);
            return;
        } catch (IllegalArgumentException e) {
            System.err.println("ballast demo: " + e.getMessage());
            System.err.print(DemoOptions.USAGE);
            System.exit(2);
            return;
        }
        System.out.println("Ballast demo: influencer growth, against " + options.url() + " as " + options.user());
        try {
            new Demo(options, new Console(System.out, Demo.STEPS), null).run();
            System.exit(0);
        } catch (DemoException e) {
            System.err.println();
            System.err.println("ballast demo: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Tribuo logs every epoch through java.util.logging and libsvm prints to stdout: the demo tells the story itself. */
    static void quietLibraries() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        for (java.util.logging.Handler h : java.util.logging.Logger.getLogger("").getHandlers()) {
            h.setLevel(java.util.logging.Level.WARNING);
        }
        libsvm.svm.svm_set_print_string_function(s -> { });
    }
}
