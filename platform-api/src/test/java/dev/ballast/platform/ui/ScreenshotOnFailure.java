package dev.ballast.platform.ui;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;

/**
 * Saves what the browser showed when a browser test failed, as
 * {@code target/browser-failures/<test class>-<test method>.png}, from every {@link Browser}
 * field of the test (static or not), then lets the failure through.
 */
public class ScreenshotOnFailure implements TestExecutionExceptionHandler {
    static final Path DIRECTORY = Path.of("target", "browser-failures");

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Object instance = context.getTestInstance().orElse(null);
        Class<?> type = context.getRequiredTestClass();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (field.getType() != Browser.class || (instance == null && !Modifier.isStatic(field.getModifiers()))) {
                    continue;
                }
                field.setAccessible(true);
                Browser browser = (Browser) field.get(Modifier.isStatic(field.getModifiers()) ? null : instance);
                if (browser != null) {
                    try {
                        String name = type.getSimpleName() + "-" + context.getRequiredTestMethod().getName() + "-" + field.getName() + ".png";
                        Path saved = browser.screenshot(DIRECTORY.resolve(name));
                        failure.addSuppressed(new AssertionError("screenshot of the page: " + saved.toAbsolutePath()
                                + " (at " + browser.driver().getCurrentUrl() + ")"));
                    } catch (RuntimeException e) {
                        failure.addSuppressed(e);
                    }
                }
            }
        }
        throw failure;
    }
}
