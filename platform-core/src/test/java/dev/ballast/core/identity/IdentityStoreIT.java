package dev.ballast.core.identity;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import dev.ballast.core.identity.app.Authenticator;
import dev.ballast.core.identity.app.ApiTokens;
import dev.ballast.core.identity.app.UserAdministration;
import dev.ballast.core.identity.domain.Actor;
import dev.ballast.core.identity.domain.Role;
import dev.ballast.core.identity.domain.UserStore;
import dev.ballast.core.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The identity schema and stores on the real database engine of this run (H2 or PostgreSQL). */
class IdentityStoreIT {
    private static TestDatabase database;
    private static ApplicationContext context;

    @BeforeAll
    static void start() {
        database = TestDatabase.create();
        Map<String, Object> props = new HashMap<>();
        props.put("datasources.default.url", database.url());
        props.put("datasources.default.username", database.user());
        props.put("datasources.default.password", database.password());
        props.put("flyway.datasources.default.enabled", true);
        props.put("ballast.security.bcrypt-cost", 4);
        props.put("ballast.admin-password", "identity-store-admin");
        try {
            props.put("ballast.home", java.nio.file.Files.createTempDirectory("identity-store-it").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        context = ApplicationContext.run(props);
    }

    @AfterAll
    static void stop() {
        if (context != null) {
            context.close();
        }
        database.close();
    }

    @Test
    void migratesAndBootstrapsExactlyOneAdmin() {
        UserStore users = context.getBean(UserStore.class);
        assertEquals(1, users.list().stream().filter(u -> u.role() == Role.ADMIN).count());
        assertEquals(Role.ADMIN, users.findByUsername("admin").orElseThrow().role());
    }

    @Test
    void rollsBackEveryWriteOfAFailedTransaction() {
        UserStore users = context.getBean(UserStore.class);
        long before = users.count();
        assertThrows(IllegalStateException.class, () -> context.getBean(FailingWriter.class).createTwoThenFail());
        assertEquals(before, users.count(), "the plain JDBC writes must have joined the transaction");
    }

    @Test
    void turnsADuplicateIntoResourceAlreadyExists() {
        UserStore users = context.getBean(UserStore.class);
        users.create("dup-user", "x", Role.ENGINEER, 1L);
        BallastException e = assertThrows(BallastException.class, () -> users.create("dup-user", "y", Role.ENGINEER, 2L));
        assertEquals(ErrorCode.RESOURCE_ALREADY_EXISTS, e.code());
    }

    @Test
    void authenticatesByPasswordAndByToken() {
        Authenticator auth = context.getBean(Authenticator.class);
        Actor admin = auth.withPassword("admin", "identity-store-admin").orElseThrow();
        assertTrue(auth.withPassword("admin", "identity-store-admiN").isEmpty());
        context.getBean(UserAdministration.class).create(admin, "token-user", "token-user-password", Role.ENGINEER);
        Actor tokenUser = auth.withPassword("token-user", "token-user-password").orElseThrow();
        ApiTokens.Issued issued = context.getBean(ApiTokens.class).issue(tokenUser, null, "t", 1);
        Actor viaToken = auth.withToken(issued.secret()).orElseThrow();
        assertEquals("token-user", viaToken.username());
        assertEquals(issued.token().id(), viaToken.tokenId());
    }

    @Test
    void carriesAServingScopeFromTheTokenToTheActor() {
        Authenticator auth = context.getBean(Authenticator.class);
        Actor admin = auth.withPassword("admin", "identity-store-admin").orElseThrow();
        ApiTokens tokens = context.getBean(ApiTokens.class);
        ApiTokens.Issued scoped = tokens.issue(admin, null, "serving", null, "churn model");
        assertEquals("churn model", scoped.token().servingModel());

        Actor viaToken = auth.withToken(scoped.secret()).orElseThrow();
        assertEquals("churn model", viaToken.servingModel());
        assertTrue(viaToken.servingOnly());
        assertEquals("churn model", tokens.list(admin, null).stream()
                .filter(t -> t.id() == scoped.token().id()).findFirst().orElseThrow().servingModel());

        BallastException e = assertThrows(BallastException.class, () -> tokens.issue(viaToken, null, "wider", null));
        assertEquals(ErrorCode.PERMISSION_DENIED, e.code(), "a serving token must not mint itself a wider token");
        ApiTokens.Issued unscoped = tokens.issue(admin, null, "plain", null);
        assertEquals(null, auth.withToken(unscoped.secret()).orElseThrow().servingModel());
    }

    /** Writes through the stores inside one transaction, then fails. */
    @Singleton
    static class FailingWriter {
        private final UserStore users;

        FailingWriter(UserStore users) {
            this.users = users;
        }

        @Transactional
        public void createTwoThenFail() {
            users.create("tx-one", "x", Role.ENGINEER, 1L);
            users.create("tx-two", "x", Role.ENGINEER, 1L);
            throw new IllegalStateException("boom");
        }
    }
}
