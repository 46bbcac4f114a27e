package dev.ballast.platform.ui;

import dev.ballast.platform.testing.BallastTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in and sign-out in headless Chromium, by keyboard as well as by mouse. */
@ExtendWith(ScreenshotOnFailure.class)
class SignInBrowserIT {
    private static BallastTestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = BallastTestServer.start();
        server.createUser("browser-reviewer", "REVIEWER");
        browser = Browser.open(server.baseUrl());
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aWrongPasswordIsShownNextToTheFormThenTheRightOneSignsIn() {
        browser.go("/ui/experiments");
        assertTrue(browser.driver().getCurrentUrl().contains("/ui/login?next="), browser.driver().getCurrentUrl());
        browser.find(By.id("username")).sendKeys("browser-reviewer");
        browser.find(By.id("password")).sendKeys("wrong-password-here", Keys.ENTER);
        assertTrue(browser.waitFor(By.id("sign-in-error")).getText().contains("Wrong user name or password"));

        browser.find(By.id("password")).sendKeys("browser-reviewer-password-123", Keys.ENTER);
        String user = browser.waitFor(By.cssSelector("[data-testid=signed-in-user]")).getText();
        assertTrue(user.contains("browser-reviewer") && user.contains("REVIEWER"), user);
        assertTrue(browser.driver().getCurrentUrl().endsWith("/ui/experiments"), browser.driver().getCurrentUrl());
        assertEquals("Experiments", browser.find(By.tagName("h1")).getText());
        assertFalse(browser.scrollsHorizontally());

        browser.signOut();
        browser.go("/ui/experiments");
        assertTrue(browser.driver().getCurrentUrl().contains("/ui/login"), "signed out: pages ask for sign-in again");
    }
}
