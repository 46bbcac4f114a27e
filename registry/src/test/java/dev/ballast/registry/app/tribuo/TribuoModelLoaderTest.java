package dev.ballast.registry.app.tribuo;

import com.google.protobuf.Any;
import dev.ballast.client.testing.TrainedModels;
import dev.ballast.core.error.BallastException;
import dev.ballast.core.error.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;
import org.tribuo.regression.Regressor;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TribuoModelLoaderTest {
    private final TribuoModelLoader loader = new TribuoModelLoader(256L * 1024 * 1024);

    private static String refusal(Runnable load) {
        BallastException e = assertThrows(BallastException.class, load::run);
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, e.code());
        return e.getMessage();
    }

    @Test
    void loadsAProtobufModelFromAFile(@TempDir Path dir) throws IOException {
        Model<Regressor> model = TrainedModels.linearRegression();
        Path file = dir.resolve("model.tribuo");
        model.serializeToFile(file);
        Model<?> loaded = loader.load(file);
        assertEquals(model.getProvenance(), loaded.getProvenance());
        assertEquals(model.getClass(), loaded.getClass());
    }

    @Test
    void refusesJavaSerializedModels() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TrainedModels.linearRegression());
        }
        String message = refusal(() -> loader.load(bytes.toByteArray()));
        assertTrue(message.startsWith("model.tribuo holds a Java-serialized object. Ballast loads only Tribuo's protobuf format"), message);
    }

    @Test
    void refusesFilesThatAreNotTribuoModels() {
        assertTrue(refusal(() -> loader.load("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .startsWith("model.tribuo is not a Tribuo 4.3 protobuf model: "));
        assertEquals("model.tribuo is empty.", refusal(() -> loader.load(new byte[0])));
        // a protobuf of another shape
        byte[] otherProto = Any.newBuilder().setTypeUrl("x/y").build().toByteArray();
        assertTrue(refusal(() -> loader.load(otherProto)).startsWith("model.tribuo is not a Tribuo 4.3 protobuf model"));
    }

    @Test
    void refusesClassesOutsideTribuo() {
        byte[] proto = ModelProto.newBuilder().setVersion(0).setClassName("java.lang.ProcessBuilder")
                .setSerializedData(Any.getDefaultInstance()).build().toByteArray();
        assertEquals("model.tribuo names the class 'java.lang.ProcessBuilder'; Ballast loads only Tribuo's own model classes (org.tribuo.*).",
                refusal(() -> loader.load(proto)));
        byte[] notAModel = ModelProto.newBuilder().setVersion(0).setClassName("org.tribuo.MutableDataset")
                .setSerializedData(Any.getDefaultInstance()).build().toByteArray();
        assertTrue(refusal(() -> loader.load(notAModel)).startsWith("model.tribuo is not a Tribuo 4.3 protobuf model: Tribuo could not deserialize it"));
    }

    @Test
    void refusesFilesOverTheLimitBeforeReadingThem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("model.tribuo");
        Files.write(file, new byte[2048]);
        TribuoModelLoader small = new TribuoModelLoader(1024);
        assertEquals("model.tribuo is 2048 bytes, more than the limit of 1024 bytes (ballast.models.max-model-size).",
                refusal(() -> small.load(file)));
        assertEquals("The model file missing.tribuo does not exist.", refusal(() -> small.load(dir.resolve("missing.tribuo"))));
    }
}
