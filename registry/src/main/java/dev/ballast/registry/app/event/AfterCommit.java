package dev.ballast.registry.app.event;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Runs an action once the caller's transaction has committed (never after a rollback), through
 * Micronaut Data's transaction synchronizations. Used to wake the dispatcher: woken earlier, it
 * would not yet see the rows the transaction wrote.
 */
@Singleton
public class AfterCommit {
    private final TransactionOperations<Connection> transactions;

    public AfterCommit(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    /**
     * @throws IllegalStateException when there is no open transaction; {@code what} names the
     *         caller in the message
     */
    public void register(String what, Runnable action) {
        transactions.findTransactionStatus()
                .filter(status -> !status.isCompleted())
                .orElseThrow(() -> new IllegalStateException(what + " must be called inside the transaction of the change it announces"))
                .registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCommit() {
                        action.run();
                    }
                });
    }
}
