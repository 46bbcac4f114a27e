package dev.ballast.tracking.domain.dataset.scan;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The profile and the diff round-trip through Micronaut Serialization, as the HTTP layer will serve and store them. */
class SerdeTest {
    @TempDir
    Path dir;

    @Test
    void profileAndDiffRoundTrip() throws IOException {
        DatasetProfile p1 = Fixtures.scanCsv(dir.resolve("a"), "id,x,flag,s,none\n1,1.5,true,a,\n2,2.5,false,b,\n3,,true,a,\n").profile();
        DatasetProfile p2 = Fixtures.scanCsv(dir.resolve("b"), "id,x,flag,s\n1,1.5,true,a\n2,9,true,c\n").profile();
        ObjectMapper mapper = ObjectMapper.getDefault();
        String json = mapper.writeValueAsString(p1);
        assertTrue(json.contains("\"quantiles\":{\"p1\":"), json);
        assertFalse(json.contains("columnNames"), json);
        assertEquals(p1, mapper.readValue(json, DatasetProfile.class));

        DatasetDiff d = DatasetDiffer.diff(p1, new DerivedLayout(dir.resolve("a")), p2, new DerivedLayout(dir.resolve("b")));
        String diffJson = mapper.writeValueAsString(d);
        assertEquals(d, mapper.readValue(diffJson, DatasetDiff.class));
        assertTrue(diffJson.contains("\"removed_columns\":[\"none\"]"), diffJson);
    }
}
