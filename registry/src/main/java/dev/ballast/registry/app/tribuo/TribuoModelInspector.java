package dev.ballast.registry.app.tribuo;

import dev.ballast.client.BallastModelDescriptor;
import dev.ballast.client.InvalidModelDescriptorException;
import dev.ballast.client.TaskType;
import dev.ballast.client.TribuoModelDescriber;
import dev.ballast.core.error.BallastException;
import jakarta.inject.Singleton;
import org.tribuo.Model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether a run's {@code model/} directory holds a Ballast model: the descriptor is valid,
 * the model loads (protobuf only, see {@link TribuoModelLoader}) and the two agree on task,
 * features, output, model class, Tribuo version and trainer. What the registry records comes from
 * the model and its provenance, so a descriptor cannot claim a schema the model does not have.
 */
@Singleton
public class TribuoModelInspector {
    /** A descriptor is a few kilobytes; a megabyte is generous and keeps parsing cheap. */
    public static final int MAX_DESCRIPTOR_BYTES = 1024 * 1024;

    private final TribuoModelLoader loader;

    public TribuoModelInspector(TribuoModelLoader loader) {
        this.loader = loader;
    }

    /** Inspects the files {@code model.tribuo} and {@code ballast-model.json}. */
    public InspectedModel inspect(Path modelFile, Path descriptorFile) {
        byte[] descriptor = readDescriptor(descriptorFile);
        return inspect(loader.read(modelFile), descriptor);
    }

    /** Inspects the bytes of {@code model.tribuo} and {@code ballast-model.json}. */
    public InspectedModel inspect(byte[] modelBytes, byte[] descriptorBytes) {
        checkDescriptorSize(descriptorBytes.length);
        BallastModelDescriptor parsed = parse(descriptorBytes);
        Model<?> model = loader.load(modelBytes);
        return check(parsed, model, sha256(modelBytes));
    }

    private static byte[] readDescriptor(Path file) {
        try {
            checkDescriptorSize(Files.size(file));
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw BallastException.invalid("The model has no " + BallastModelDescriptor.FILE_NAME + "; log it with BallastModels.log.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkDescriptorSize(long size) {
        if (size > MAX_DESCRIPTOR_BYTES) {
            throw BallastException.invalid(BallastModelDescriptor.FILE_NAME + " is " + size + " bytes, more than the limit of "
                    + MAX_DESCRIPTOR_BYTES + " bytes.");
        }
    }

    private static BallastModelDescriptor parse(byte[] json) {
        try {
            return BallastModelDescriptor.fromJson(json);
        } catch (InvalidModelDescriptorException e) {
            throw BallastException.invalid(e.getMessage());
        }
    }

    private static InspectedModel check(BallastModelDescriptor descriptor, Model<?> model, String sha256) {
        BallastModelDescriptor actual;
        try {
            actual = TribuoModelDescriber.describe(model, descriptor.createdAt());
        } catch (IllegalArgumentException e) {
            throw BallastException.invalid("model.tribuo cannot be a Ballast model: " + e.getMessage());
        }
        List<String> problems = differences(descriptor, actual);
        if (!problems.isEmpty()) {
            throw BallastException.invalid("model.tribuo does not match " + BallastModelDescriptor.FILE_NAME + ": "
                    + String.join("; ", problems) + ".");
        }
        return new InspectedModel(actual.taskType(), actual.modelClass(), actual.tribuoVersion(), actual.features(),
                descriptor.output(), actual.trainer().className(), actual.trainer().configuration(),
                TribuoModelDescriber.provenanceTree(model.getProvenance()), sha256, descriptor, model);
    }

    /** Every way the descriptor disagrees with what the model says about itself. */
    static List<String> differences(BallastModelDescriptor claimed, BallastModelDescriptor actual) {
        List<String> problems = new ArrayList<>();
        if (claimed.taskType() != actual.taskType()) {
            problems.add("task_type is '" + claimed.taskType().jsonName() + "' but the model is a " + actual.taskType().jsonName()
                    + " model (it predicts " + actual.taskType().outputClassName() + ")");
        }
        compareFeatures(claimed, actual, problems);
        if (claimed.taskType() == actual.taskType()) {
            compareOutput(claimed, actual, problems);
        }
        if (!claimed.modelClass().equals(actual.modelClass())) {
            problems.add("model_class is '" + claimed.modelClass() + "' but the model is a " + actual.modelClass());
        }
        if (!claimed.tribuoVersion().equals(actual.tribuoVersion())) {
            problems.add("tribuo_version is '" + claimed.tribuoVersion() + "' but the model's provenance says " + actual.tribuoVersion());
        }
        if (!claimed.trainer().className().equals(actual.trainer().className())) {
            problems.add("trainer.class is '" + claimed.trainer().className() + "' but the model's provenance names "
                    + actual.trainer().className());
        } else {
            Set<String> keys = new TreeSet<>(claimed.trainer().configuration().keySet());
            keys.addAll(actual.trainer().configuration().keySet());
            keys.removeIf(k -> Objects.equals(claimed.trainer().configuration().get(k), actual.trainer().configuration().get(k)));
            if (!keys.isEmpty()) {
                problems.add("trainer.configuration differs from the model's provenance at " + keys);
            }
        }
        return problems;
    }

    private static void compareFeatures(BallastModelDescriptor claimed, BallastModelDescriptor actual, List<String> problems) {
        Set<String> onlyClaimed = new TreeSet<>(claimed.featureNames());
        actual.featureNames().forEach(onlyClaimed::remove);
        Set<String> onlyModel = new TreeSet<>(actual.featureNames());
        claimed.featureNames().forEach(onlyModel::remove);
        if (!onlyClaimed.isEmpty()) {
            problems.add("features not in the model: " + onlyClaimed);
        }
        if (!onlyModel.isEmpty()) {
            problems.add("model features missing from the descriptor: " + onlyModel);
        }
        Set<String> notDouble = new LinkedHashSet<>();
        for (BallastModelDescriptor.Feature f : claimed.features()) {
            if (!BallastModelDescriptor.DOUBLE.equals(f.type())) {
                notDouble.add(f.name() + " (" + f.type() + ")");
            }
        }
        if (!notDouble.isEmpty()) {
            problems.add("Tribuo features are real-valued ('" + BallastModelDescriptor.DOUBLE + "'), not " + notDouble);
        }
    }

    private static void compareOutput(BallastModelDescriptor claimed, BallastModelDescriptor actual, List<String> problems) {
        BallastModelDescriptor.Output c = claimed.output();
        BallastModelDescriptor.Output a = actual.output();
        if (claimed.taskType() == TaskType.REGRESSION) {
            if (!Objects.equals(c.dimensions(), a.dimensions())) {
                problems.add("output.dimensions are " + c.dimensions() + " but the model predicts " + a.dimensions());
            }
        } else if (!new TreeSet<>(c.labels()).equals(new TreeSet<>(a.labels()))) {
            Set<String> onlyClaimed = new TreeSet<>(c.labels());
            a.labels().forEach(onlyClaimed::remove);
            Set<String> onlyModel = new TreeSet<>(a.labels());
            c.labels().forEach(onlyModel::remove);
            problems.add("output.labels differ from the model's: not in the model " + onlyClaimed + ", missing " + onlyModel);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
