package dev.ballast.core.identity;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.app.PasswordHasher;
import dev.ballast.core.identity.app.PasswordPolicy;
import dev.ballast.core.identity.app.TokenSecrets;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Credential rules and the primitives behind them. */
class PasswordPolicyTest {

    @Test
    void refusesShortPasswordsAndPasswordsEqualToTheName() {
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE,
                assertThrows(BallastException.class, () -> PasswordPolicy.checkPassword("a", "short")).code());
        assertThrows(BallastException.class, () -> PasswordPolicy.checkPassword("administrator", "ADMINISTRATOR"));
        assertThrows(BallastException.class, () -> PasswordPolicy.checkPassword("a", "\u00e9".repeat(40)),
                "more than bcrypt's 72 bytes would be silently truncated");
        assertEquals("a-good-long-password", PasswordPolicy.checkPassword("a", "a-good-long-password"));
    }

    @Test
    void refusesUserNamesThatCouldBreakPagesOrPaths() {
        for (String bad : new String[] {"", "<script>", "../etc", "a b", "-dash", "x".repeat(65)}) {
            assertThrows(BallastException.class, () -> PasswordPolicy.checkUsername(bad), bad);
        }
        assertEquals("jane.doe@corp", PasswordPolicy.checkUsername("jane.doe@corp"));
    }

    @Test
    void hashesWithASaltAndVerifies() {
        PasswordHasher hasher = new PasswordHasher(4);
        String a = hasher.hash("correct horse battery");
        String b = hasher.hash("correct horse battery");
        assertNotEquals(a, b, "salted");
        assertTrue(a.startsWith("$2a$04$"));
        assertTrue(hasher.matches("correct horse battery", a));
        assertFalse(hasher.matches("correct horse batterY", a));
    }

    @Test
    void makesUnguessableTokensWithAStablePrefix() {
        String one = TokenSecrets.newSecret();
        String two = TokenSecrets.newSecret();
        assertNotEquals(one, two);
        assertTrue(one.matches("blst_[A-Za-z0-9_-]{43}"), one);
        assertEquals(12, TokenSecrets.displayPrefix(one).length());
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", TokenSecrets.sha256Hex("hello"));
    }
}
