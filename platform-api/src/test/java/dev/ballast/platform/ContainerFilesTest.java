package dev.ballast.platform;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks the deployment files (Dockerfile, docker-compose.yml, the Prometheus configuration and
 * the Grafana provisioning) against the application they deploy. Nothing else in the build reads
 * them, so a renamed variable, port, endpoint or metric would otherwise only show up as a container
 * that never gets healthy or a dashboard with empty panels.
 */
class ContainerFilesTest {

    static final Path ROOT = repositoryRoot();

    /** A metric in a PromQL query: an identifier starting like the Micrometer families Ballast exports. */
    private static final Pattern METRIC_NAME = Pattern.compile(
            "(?<![A-Za-z0-9_:])(?:http_server_|hikaricp_|jvm_|process_|system_|executor_|logback_)[A-Za-z0-9_:]*");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern CONFIG_PLACEHOLDER = Pattern.compile("\\$\\{(ballast\\.[a-z0-9.-]+)");
    private static final Pattern VARIABLE_LITERAL = Pattern.compile("\"(BALLAST_[A-Z0-9_]+)\"");
    private static final Pattern DEFAULT_VALUE = Pattern.compile("^\\$\\{[^:}]+:([^}]*)}$");
    private static final Pattern REQUIRED_WITHOUT_DEFAULT = Pattern.compile("^\\$\\{[A-Za-z_][A-Za-z0-9_]*:?\\?[^}]*}$");
    private static final Pattern HEALTHCHECK_URL = Pattern.compile(
            "http://(?:127\\.0\\.0\\.1|localhost):(?:\\$\\{BALLAST_PORT:-(\\d+)}|(\\d+))(/[^\\s\"']*)");

    // ---- the application's side ----------------------------------------------------------------

    @Test
    void composeRunsBallastOnPostgresWithTheApplicationsVariableNames() {
        Map<String, Object> ballast = service("ballast");
        Map<String, String> env = environment(ballast);
        Set<String> known = variablesTheApplicationReads();

        List<String> unknown = env.keySet().stream()
                .filter(name -> name.startsWith("BALLAST_") && !known.contains(name)).toList();
        assertTrue(unknown.isEmpty(), "compose sets " + unknown + ", which Ballast never reads; it reads " + known);

        String url = env.get("BALLAST_DB_URL");
        assertNotNull(url, "compose must point Ballast at PostgreSQL, else it runs on embedded H2");
        assertTrue(url.startsWith("jdbc:postgresql://"), url);
        URI db = URI.create(url.substring("jdbc:".length()));
        Map<String, Object> postgres = service(db.getHost());
        assertTrue(String.valueOf(postgres.get("image")).startsWith("postgres:"), "BALLAST_DB_URL host is not a postgres service");
        assertTrue(db.getPort() == -1 || db.getPort() == 5432, "postgres listens on 5432, not " + db.getPort());
        Map<String, String> postgresEnv = environment(postgres);
        assertEquals("/" + postgresEnv.get("POSTGRES_DB"), db.getPath());
        assertEquals(postgresEnv.get("POSTGRES_USER"), env.get("BALLAST_DB_USER"));
        assertEquals(postgresEnv.get("POSTGRES_PASSWORD"), env.get("BALLAST_DB_PASSWORD"));

        assertNotNull(postgres.get("healthcheck"), "postgres needs a healthcheck for depends_on to wait on");
        assertEquals("service_healthy", path(ballast, "depends_on", db.getHost(), "condition"),
                "Ballast runs its migrations at start-up and must wait for the database");

        assertRequiredWithoutDefault(env.get("BALLAST_ADMIN_PASSWORD"), "BALLAST_ADMIN_PASSWORD");
    }

    @Test
    void imageSetsOnlyVariablesTheApplicationReadsAndKeepsItsDataOnTheVolume() {
        List<Instruction> runtime = runtimeStage();
        Map<String, String> imageEnv = env(runtime);
        Set<String> known = variablesTheApplicationReads();

        List<String> unknown = imageEnv.keySet().stream()
                .filter(name -> name.startsWith("BALLAST_") && !known.contains(name)).toList();
        assertTrue(unknown.isEmpty(), "the image sets " + unknown + ", which Ballast never reads");

        String home = imageEnv.get("BALLAST_HOME");
        assertNotNull(home, "without BALLAST_HOME the data lands in the working directory, not the volume");
        assertTrue(arguments(runtime, "VOLUME").stream().anyMatch(v -> v.contains(home)), "no VOLUME " + home);
        assertTrue(volumeTargets(service("ballast")).contains(home), "compose keeps no volume at " + home);
    }

    @Test
    void composePublishesThePortTheApplicationListensOn() {
        String port = defaultOf(path(applicationYml(), "micronaut", "server", "port"));
        Map<String, Object> ballast = service("ballast");
        Map<String, String> env = environment(ballast);

        assertEquals(port, env.get("BALLAST_PORT"));
        assertEquals("0.0.0.0", env.get("BALLAST_HOST"), "bound to loopback, a published port reaches nothing");
        assertTrue(containerPorts(ballast).contains(port), "compose publishes " + containerPorts(ballast));

        List<Instruction> runtime = runtimeStage();
        assertEquals(port, env(runtime).get("BALLAST_PORT"));
        assertEquals("0.0.0.0", env(runtime).get("BALLAST_HOST"));
        assertTrue(arguments(runtime, "EXPOSE").stream()
                .flatMap(a -> Stream.of(a.split("\\s+"))).anyMatch(p -> p.replace("/tcp", "").equals(port)),
                "the image does not EXPOSE " + port);

        List<String> healthchecks = arguments(runtime, "HEALTHCHECK");
        assertEquals(1, healthchecks.size(), "the runtime stage needs one HEALTHCHECK");
        Matcher url = HEALTHCHECK_URL.matcher(healthchecks.get(0));
        assertTrue(url.find(), "HEALTHCHECK calls no local URL: " + healthchecks.get(0));
        assertEquals(port, url.group(1) != null ? url.group(1) : url.group(2));
        assertEquals(endpointPath("health"), url.group(3));
        assertEquals(false, path(applicationYml(), "endpoints", "health", "sensitive"),
                "the HEALTHCHECK sends no credentials");

        List<String> users = arguments(runtime, "USER");
        assertFalse(users.isEmpty(), "the runtime stage runs as root");
        String user = users.get(users.size() - 1).split(":")[0];
        assertNotEquals("root", user);
        assertNotEquals("0", user);
        if (!user.matches("\\d+")) {
            assertTrue(arguments(runtime, "RUN").stream().anyMatch(r -> r.contains("useradd") && r.contains(user)),
                    "USER " + user + " is never created");
        }
    }

    @Test
    void dockerfileBuildsEveryModuleAndRunsTheShadedJar() throws IOException {
        List<List<Instruction>> stages = dockerfileStages();
        List<Instruction> build = stages.get(0);
        List<String> copied = arguments(build, "COPY");
        assertTrue(copied.stream().anyMatch(c -> c.startsWith("pom.xml ")), "the build stage never copies pom.xml");
        for (String module : modules()) {
            // src and the files beside pom.xml (platform-api's openapi.properties is read while compiling)
            try (Stream<Path> entries = Files.list(ROOT.resolve(module))) {
                for (Path entry : entries.filter(e -> Files.isRegularFile(e) || e.endsWith("src")).toList()) {
                    String name = entry.getFileName().toString();
                    String source = module + "/" + name;
                    if (!name.startsWith(".") && !name.endsWith(".md")) {
                        assertTrue(copied.stream().anyMatch(c -> c.split("\\s+")[0].equals(source)),
                                "the build stage never copies " + source);
                    }
                }
            }
        }

        String pom = Files.readString(ROOT.resolve("platform-api/pom.xml"));
        Matcher shaded = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+)</outputFile>").matcher(pom);
        assertTrue(shaded.find(), "platform-api/pom.xml names no shaded jar");
        List<String> fromBuild = arguments(runtimeStage(), "COPY").stream().filter(c -> c.startsWith("--from=")).toList();
        assertEquals(1, fromBuild.size(), "the runtime stage should copy exactly the jar from the build stage");
        String[] copy = fromBuild.get(0).split("\\s+");
        assertTrue(copy[1].endsWith("platform-api/target/" + shaded.group(1)), copy[1]);
        String entrypoint = arguments(runtimeStage(), "ENTRYPOINT").get(0);
        assertTrue(entrypoint.contains("\"" + copy[2] + "\""), "ENTRYPOINT does not run " + copy[2] + ": " + entrypoint);
    }

    // ---- Prometheus ------------------------------------------------------------------------------

    @Test
    void prometheusScrapesTheMetricsPath() {
        Map<String, Object> job = scrapeJob("ballast");
        assertEquals(endpointPath("prometheus"), job.get("metrics_path"));
        assertEquals("15s", job.get("scrape_interval"));

        assertEquals(false, path(applicationYml(), "endpoints", "prometheus", "sensitive"));
        boolean openMetrics = !Boolean.FALSE.equals(path(applicationYml(), "ballast", "security", "open-metrics"));
        assertTrue(openMetrics || job.containsKey("basic_auth") || job.containsKey("authorization"),
                "/prometheus needs credentials but the scrape job sends none");

        List<String> targets = new ArrayList<>();
        for (Object config : list(job.get("static_configs"))) {
            for (Object target : list(map(config).get("targets"))) {
                targets.add(String.valueOf(target));
            }
        }
        String port = environment(service("ballast")).get("BALLAST_PORT");
        assertEquals(List.of("ballast:" + port), targets);

        assertTrue(bindMounts(service("prometheus"))
                        .contains("./deploy/prometheus/prometheus.yml:/etc/prometheus/prometheus.yml"),
                "compose does not give Prometheus this configuration: " + bindMounts(service("prometheus")));
    }

    // ---- Grafana ---------------------------------------------------------------------------------

    @Test
    void grafanaDashboardQueriesNameExportedMetrics() {
        Set<String> used = dashboardMetricNames();
        Set<String> exported = exportedMetricNamesFixture();
        assertFalse(used.isEmpty(), "the dashboard queries no metric at all");
        assertFalse(exported.isEmpty());

        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(exported);
        assertTrue(missing.isEmpty(), "the dashboard queries metrics Ballast does not export: " + missing);
    }

    @Test
    void metricNamesAreTakenFromQueriesWithoutFunctionsLabelsOrStrings() {
        assertEquals(Set.of("http_server_requests_seconds_count"), metricNamesIn(
                "sum by (status) (rate(http_server_requests_seconds_count{status=~\"5..\",uri!=\"jvm_x\"}[5m]))"));
        assertEquals(Set.of("http_server_requests_seconds_bucket"), metricNamesIn(
                "histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))"));
        assertEquals(Set.of("hikaricp_connections_active", "jvm_memory_used_bytes"),
                metricNamesIn("hikaricp_connections_active / on() jvm_memory_used_bytes{area=\"heap\"}"));
    }

    @Test
    void grafanaPanelsUseTheProvisionedPrometheusDatasource() {
        Map<String, String> provisioned = new LinkedHashMap<>();
        Map<String, Object> datasource = null;
        for (Object ds : list(map(yaml("deploy/grafana/provisioning/datasources/prometheus.yml")).get("datasources"))) {
            provisioned.put(String.valueOf(map(ds).get("uid")), String.valueOf(map(ds).get("type")));
            datasource = map(ds);
        }
        assertNotNull(datasource, "no datasource is provisioned");

        List<Map<String, Object>> refs = new ArrayList<>();
        for (Map<String, Object> panel : panels()) {
            refs.add(map(panel.get("datasource")));
            list(panel.get("targets")).forEach(t -> refs.add(map(map(t).get("datasource"))));
        }
        for (Map<String, Object> ref : refs) {
            String uid = String.valueOf(ref.get("uid"));
            assertTrue(provisioned.containsKey(uid), "datasource uid " + uid + " is not provisioned: " + provisioned);
            assertEquals("prometheus", provisioned.get(uid));
            assertEquals("prometheus", ref.get("type"));
        }

        URI url = URI.create(String.valueOf(datasource.get("url")));
        assertEquals("prometheus", url.getHost());
        assertEquals(9090, url.getPort());
        assertTrue(String.valueOf(service(url.getHost()).get("image")).startsWith("prom/prometheus"));
    }

    @Test
    void grafanaLoadsTheDashboardFromWhereComposeMountsIt() {
        Map<String, Object> grafana = service("grafana");
        List<String> mounts = bindMounts(grafana);
        assertTrue(mounts.contains("./deploy/grafana/provisioning:/etc/grafana/provisioning"), mounts.toString());

        List<Object> providers = list(map(yaml("deploy/grafana/provisioning/dashboards/ballast.yml")).get("providers"));
        assertEquals(1, providers.size());
        Map<String, Object> provider = map(providers.get(0));
        assertEquals("file", provider.get("type"));
        String folder = String.valueOf(path(provider, "options", "path"));
        assertTrue(mounts.contains("./deploy/grafana/dashboards:" + folder),
                "compose mounts no dashboards at " + folder + ": " + mounts);

        Map<String, Object> dashboard = map(yaml("deploy/grafana/dashboards/ballast.json"));
        assertEquals("ballast", dashboard.get("uid"));
        assertEquals("Ballast", dashboard.get("title"));
        Set<Object> ids = new TreeSet<>();
        for (Map<String, Object> panel : panels()) {
            assertTrue(ids.add(panel.get("id")), "panel id " + panel.get("id") + " is used twice");
            assertNotNull(panel.get("gridPos"), "panel " + panel.get("title") + " has no gridPos");
            assertFalse(list(panel.get("targets")).isEmpty(), "panel " + panel.get("title") + " has no query");
        }
    }

    @Test
    void composeRequiresAGrafanaAdminPasswordAndAllowsNoAnonymousAccess() {
        Map<String, String> env = environment(service("grafana"));
        assertRequiredWithoutDefault(env.get("GF_SECURITY_ADMIN_PASSWORD"), "GF_SECURITY_ADMIN_PASSWORD");
        assertEquals("false", env.get("GF_AUTH_ANONYMOUS_ENABLED"));
    }

    @Test
    void composeBindMountsExistInTheRepository() {
        for (Object name : map(compose().get("services")).keySet()) {
            for (String mount : bindMounts(service(String.valueOf(name)))) {
                String source = mount.substring(0, mount.indexOf(':'));
                assertTrue(Files.exists(ROOT.resolve(source)), name + " mounts " + source + ", which does not exist");
            }
        }
    }

    // ---- shared with MetricsExportIT -------------------------------------------------------------

    /** The metric families deploy/grafana/dashboards/ballast.json queries. */
    static Set<String> dashboardMetricNames() {
        Set<String> names = new TreeSet<>();
        for (Map<String, Object> panel : panels()) {
            for (Object target : list(panel.get("targets"))) {
                names.addAll(metricNamesIn(String.valueOf(map(target).get("expr"))));
            }
        }
        return names;
    }

    /** The names in src/test/resources/exported-metric-names.txt, which MetricsExportIT proves on a live server. */
    static Set<String> exportedMetricNamesFixture() {
        Set<String> names = new TreeSet<>();
        for (String line : lines("platform-api/src/test/resources/exported-metric-names.txt")) {
            String name = line.replaceFirst("#.*", "").trim();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The path Prometheus scrapes, as deploy/prometheus/prometheus.yml says. */
    static String prometheusMetricsPath() {
        return String.valueOf(scrapeJob("ballast").get("metrics_path"));
    }

    static Set<String> metricNamesIn(String expr) {
        Set<String> names = new TreeSet<>();
        Matcher m = METRIC_NAME.matcher(STRING_LITERAL.matcher(expr).replaceAll("\"\""));
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    // ---- reading the files -----------------------------------------------------------------------

    private record Instruction(String keyword, String arguments) {
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docker-compose.yml")) && Files.isDirectory(dir.resolve("platform-api"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docker-compose.yml beside platform-api above " + Path.of("").toAbsolutePath());
    }

    private static Set<String> variablesTheApplicationReads() {
        Set<String> names = new TreeSet<>();
        names.addAll(variablesIn(ROOT.resolve("platform-api/src/main/resources/application.yml"), false));
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path sources : modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).toList()) {
                try (Stream<Path> files = Files.walk(sources)) {
                    files.filter(f -> f.toString().endsWith(".java")).forEach(f -> names.addAll(variablesIn(f, true)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(names.contains("BALLAST_DB_URL"), "the scan found too little to judge by: " + names);
        return names;
    }

    private static Set<String> variablesIn(Path file, boolean java) {
        Set<String> names = new TreeSet<>();
        String text = read(file);
        Matcher placeholder = CONFIG_PLACEHOLDER.matcher(text);
        while (placeholder.find()) {
            names.add(placeholder.group(1).toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        Matcher literal = VARIABLE_LITERAL.matcher(text);
        while (java && literal.find()) { // environment variables read directly, e.g. System.getenv()
            names.add(literal.group(1));
        }
        return names;
    }

    private static Map<String, Object> applicationYml() {
        return map(yaml("platform-api/src/main/resources/application.yml"));
    }

    /** Where Micronaut serves a management endpoint: endpoints.all.path (default "/") plus its id. */
    private static String endpointPath(String id) {
        Map<String, Object> app = applicationYml();
        assertTrue(Boolean.TRUE.equals(path(app, "endpoints", id, "enabled")), "endpoint " + id + " is not enabled");
        Object base = path(app, "endpoints", "all", "path");
        String prefix = base == null ? "/" : String.valueOf(base);
        return (prefix.endsWith("/") ? prefix : prefix + "/") + id;
    }

    private static String defaultOf(Object placeholder) {
        Matcher m = DEFAULT_VALUE.matcher(String.valueOf(placeholder));
        assertTrue(m.matches(), "not a placeholder with a default: " + placeholder);
        return m.group(1);
    }

    private static void assertRequiredWithoutDefault(String value, String name) {
        assertNotNull(value, name + " is not set");
        assertTrue(REQUIRED_WITHOUT_DEFAULT.matcher(value).matches(),
                name + " must come from the environment as ${VAR:?message}, never a literal or default: " + value);
    }

    private static Map<String, Object> compose() {
        return map(yaml("docker-compose.yml"));
    }

    private static Map<String, Object> service(String name) {
        Object service = map(compose().get("services")).get(name);
        assertNotNull(service, "docker-compose.yml has no service " + name);
        return map(service);
    }

    /** A service's environment, written either as a map or as a list of NAME=value. */
    private static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw != null) {
            for (Object entry : list(raw)) {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            }
        }
        return env;
    }

    /** Container ports of a service's short-syntax ("[ip:]host:container[/proto]") and long-syntax ports. */
    private static List<String> containerPorts(Map<String, Object> service) {
        List<String> ports = new ArrayList<>();
        for (Object port : list(service.getOrDefault("ports", List.of()))) {
            if (port instanceof Map<?, ?> m) {
                ports.add(String.valueOf(m.get("target")));
            } else {
                String spec = String.valueOf(port).replaceFirst("/(tcp|udp)$", "");
                ports.add(spec.substring(spec.lastIndexOf(':') + 1));
            }
        }
        return ports;
    }

    /** "source:target" of each bind mount (a volume whose source is a path), without options. */
    private static List<String> bindMounts(Map<String, Object> service) {
        List<String> mounts = new ArrayList<>();
        for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
            String[] parts = String.valueOf(volume).split(":");
            if (parts.length >= 2 && (parts[0].startsWith(".") || parts[0].startsWith("/"))) {
                mounts.add(parts[0] + ":" + parts[1]);
            }
        }
        return mounts;
    }

    private static List<String> volumeTargets(Map<String, Object> service) {
        List<String> targets = new ArrayList<>();
        for (Object volume : list(service.getOrDefault("volumes", List.of()))) {
            String[] parts = String.valueOf(volume).split(":");
            targets.add(parts.length >= 2 ? parts[1] : parts[0]);
        }
        return targets;
    }

    private static Map<String, Object> scrapeJob(String name) {
        for (Object job : list(map(yaml("deploy/prometheus/prometheus.yml")).get("scrape_configs"))) {
            if (name.equals(map(job).get("job_name"))) {
                return map(job);
            }
        }
        throw new AssertionError("prometheus.yml has no scrape job " + name);
    }

    private static List<Map<String, Object>> panels() {
        List<Map<String, Object>> panels = new ArrayList<>();
        for (Object panel : list(map(yaml("deploy/grafana/dashboards/ballast.json")).get("panels"))) {
            panels.add(map(panel));
            // panels folded into a collapsed row
            for (Object nested : list(map(panel).getOrDefault("panels", List.of()))) {
                panels.add(map(nested));
            }
        }
        return panels;
    }

    private static List<String> modules() {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(read(ROOT.resolve("pom.xml")));
        while (m.find()) {
            modules.add(m.group(1).trim());
        }
        assertFalse(modules.isEmpty(), "the root pom lists no modules");
        return modules;
    }

    private static List<Instruction> runtimeStage() {
        List<List<Instruction>> stages = dockerfileStages();
        return stages.get(stages.size() - 1);
    }

    /** The Dockerfile's instructions by stage, with line continuations joined and comments dropped. */
    private static List<List<Instruction>> dockerfileStages() {
        List<List<Instruction>> stages = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String line : lines("Dockerfile")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                pending.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            String whole = pending.append(trimmed).toString();
            pending.setLength(0);
            String[] parts = whole.split("\\s+", 2);
            Instruction instruction = new Instruction(parts[0].toUpperCase(Locale.ROOT), parts.length > 1 ? parts[1].trim() : "");
            if (instruction.keyword().equals("FROM")) {
                stages.add(new ArrayList<>());
            } else if (stages.isEmpty()) {
                fail("Dockerfile instruction before FROM: " + whole);
            }
            stages.get(stages.size() - 1).add(instruction);
        }
        assertEquals(2, stages.size(), "expected a build stage and a runtime stage");
        return stages;
    }

    private static List<String> arguments(List<Instruction> stage, String keyword) {
        return stage.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    /** ENV values of a stage, in either the NAME=value or the legacy "NAME value" form. */
    private static Map<String, String> env(List<Instruction> stage) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String args : arguments(stage, "ENV")) {
            if (!args.split("\\s+")[0].contains("=")) {
                String[] kv = args.split("\\s+", 2);
                env.put(kv[0], kv.length > 1 ? unquote(kv[1]) : "");
                continue;
            }
            for (String pair : args.split("\\s+")) {
                String[] kv = pair.split("=", 2);
                env.put(kv[0], kv.length > 1 ? unquote(kv[1]) : "");
            }
        }
        return env;
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }

    private static Object yaml(String relative) {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve(relative), StandardCharsets.UTF_8)) {
            return new Yaml().load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String relative) {
        return read(ROOT.resolve(relative)).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertTrue(value instanceof Map, "expected a mapping, got " + value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        assertTrue(value instanceof List, "expected a list, got " + value);
        return (List<Object>) value;
    }
}
