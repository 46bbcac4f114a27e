package dev.ballast.registry.app.tribuo;

import com.google.protobuf.InvalidProtocolBufferException;
import dev.ballast.core.error.BallastException;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import org.tribuo.Model;
import org.tribuo.protos.core.ModelProto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads {@code model.tribuo} files, accepting only what Tribuo 4.3's protobuf serialization
 * ({@code Model.serializeToFile}) writes. It exists so that nothing in Ballast ever deserializes
 * Java objects from an upload (which can run code of the uploader's choosing), and so loading
 * has one size limit, {@code ballast.models.max-model-size} (default 256MB), checked before a byte is read.
 */
@Singleton
public class TribuoModelLoader {
    /** The first bytes of a Java serialization stream ({@code ObjectOutputStream}). */
    private static final int JAVA_SERIALIZATION_MAGIC = 0xACED;
    /** Model classes must come from Tribuo: the protobuf names the class to instantiate. */
    private static final String TRIBUO_PACKAGE = "org.tribuo.";

    private final long maxModelBytes;

    public TribuoModelLoader(@Value("${ballast.models.max-model-size:256MB}") @ReadableBytes long maxModelBytes) {
        if (maxModelBytes <= 0) {
            throw new IllegalArgumentException("ballast.models.max-model-size must be positive");
        }
        this.maxModelBytes = maxModelBytes;
    }

    /** The largest model file this loader reads. */
    public long maxModelBytes() {
        return maxModelBytes;
    }

    /** Loads the model in {@code file}, refusing files over the limit before reading them. */
    public Model<?> load(Path file) {
        return load(read(file));
    }

    /** The bytes of a model file, refused before reading when the file is over the limit. */
    public byte[] read(Path file) {
        try {
            checkSize(Files.size(file));
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BallastException.invalid("The model file " + file.getFileName() + " does not exist.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads a model from the bytes of a {@code model.tribuo} file. */
    public Model<?> load(byte[] bytes) {
        checkSize(bytes.length);
        if (bytes.length == 0) {
            throw BallastException.invalid("model.tribuo is empty.");
        }
        if (bytes.length >= 2 && ((bytes[0] & 0xFF) << 8 | (bytes[1] & 0xFF)) == JAVA_SERIALIZATION_MAGIC) {
            throw BallastException.invalid("model.tribuo holds a Java-serialized object. Ballast loads only Tribuo's protobuf "
                    + "format (Model.serializeToFile, Tribuo 4.3 or later), because deserializing Java objects can run arbitrary code; "
                    + "save the model again with model.serializeToFile(path) or log it with BallastModels.");
        }
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw notTribuo("it is not a protobuf message (" + e.getMessage() + ")");
        }
        String className = proto.getClassName();
        if (className.isEmpty() || !proto.hasSerializedData() || !proto.getUnknownFields().asMap().isEmpty()) {
            throw notTribuo("it does not have the fields of a Tribuo ModelProto");
        }
        if (!className.startsWith(TRIBUO_PACKAGE)) {
            throw BallastException.invalid("model.tribuo names the class '" + className + "'; Ballast loads only Tribuo's own "
                    + "model classes (" + TRIBUO_PACKAGE + "*).");
        }
        try {
            return Model.deserialize(proto);
        } catch (RuntimeException e) {
            throw notTribuo("Tribuo could not deserialize it: " + rootMessage(e));
        }
    }

    private void checkSize(long size) {
        if (size > maxModelBytes) {
            throw BallastException.invalid("model.tribuo is " + size + " bytes, more than the limit of " + maxModelBytes
                    + " bytes (ballast.models.max-model-size).");
        }
    }

    private static BallastException notTribuo(String why) {
        return BallastException.invalid("model.tribuo is not a Tribuo 4.3 protobuf model: " + why + ".");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t + ")";
    }
}
