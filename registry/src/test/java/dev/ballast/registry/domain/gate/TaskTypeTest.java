package dev.ballast.registry.domain.gate;

import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TaskTypeTest {

    @Test
    void readsNamesInAnyCaseWithAnySeparator() {
        for (String text : new String[] {"time_series", "time-series", "TIME_SERIES", "Time-Series", " time series ", "time  series"}) {
            assertEquals(TaskType.TIME_SERIES, TaskType.parse(text), text);
        }
        assertEquals(TaskType.CLASSIFICATION, TaskType.parse("Classification"));
        assertEquals(TaskType.REGRESSION, TaskType.parse("regression"));
        assertEquals(TaskType.RANKING, TaskType.parse("RANKING"));
        assertEquals(TaskType.ANOMALY_DETECTION, TaskType.parse("anomaly-detection"));
        assertEquals(TaskType.CLUSTERING, TaskType.parse("clustering"));
    }

    @Test
    void idIsTheLowerCaseName() {
        assertEquals("time_series", TaskType.TIME_SERIES.id());
        for (TaskType t : TaskType.values()) {
            assertEquals(t, TaskType.parse(t.id()));
        }
    }

    @Test
    void refusesOtherNamesListingTheAllowedOnes() {
        for (String text : new String[] {"timeseries", "forecast", "", "time__series"}) {
            BallastException e = assertThrows(BallastException.class, () -> TaskType.parse(text));
            assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
            assertEquals("Invalid task type '" + text + "': expected one of classification, regression, time_series, ranking, "
                    + "clustering, anomaly_detection.", e.getMessage());
        }
        assertEquals("Invalid task type '': expected one of classification, regression, time_series, ranking, clustering, "
                + "anomaly_detection.", assertThrows(BallastException.class, () -> TaskType.parse(null)).getMessage());
    }
}
