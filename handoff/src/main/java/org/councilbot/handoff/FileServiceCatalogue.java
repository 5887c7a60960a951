package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.councilbot.core.CouncilbotException;
import org.councilbot.core.ServiceCatalogue;
import org.councilbot.core.ServiceDefinition;

/**
 * The council's Open311 catalogue kept as files: {@code services.json} and
 * {@code services/{code}.json} in one folder, read once when loaded.
 *
 * <p>A missing or unreadable {@code services.json} fails the load: the council would have no
 * forms at all. A definition that cannot be used (see {@link CatalogueReader}) is left out and
 * logged, and listed by {@link #problems()}; the other services still work.
 */
public final class FileServiceCatalogue implements ServiceCatalogue {
    private static final System.Logger LOG = System.getLogger(FileServiceCatalogue.class.getName());
    static final long MAX_FILE_BYTES = 4L * 1024 * 1024;

    private final List<ServiceDefinition> services;
    private final List<String> problems;

    private FileServiceCatalogue(List<ServiceDefinition> services, List<String> problems) {
        this.services = services;
        this.problems = problems;
    }

    /** Reads the catalogue in {@code folder}; throws {@link CouncilbotException} when services.json is unusable. */
    public static FileServiceCatalogue load(Path folder) {
        Objects.requireNonNull(folder, "folder");
        Path list = folder.resolve("services.json");
        JsonNode listTree;
        try {
            listTree = Open311Wire.json(read(list));
        } catch (CatalogueReader.Skip | WireFormatException e) {
            throw invalid(list + " " + e.getMessage());
        }
        CatalogueReader reader = new CatalogueReader();
        List<ServiceDefinition> services;
        try {
            services = reader.read(listTree, "services.json", new Folder(folder));
        } catch (CatalogueReader.Skip e) {
            throw invalid(folder + ": " + e.getMessage());
        }
        List<String> problems = reader.problems();
        problems.forEach(problem -> LOG.log(System.Logger.Level.WARNING, "Service catalogue " + folder + ": " + problem));
        return new FileServiceCatalogue(services, problems);
    }

    @Override
    public List<ServiceDefinition> services() {
        return services;
    }

    /** What was left out or cut while loading, one sentence each naming the file and attribute. */
    public List<String> problems() {
        return problems;
    }

    private static String read(Path file) throws CatalogueReader.Skip {
        try {
            if (!Files.isRegularFile(file)) {
                throw new CatalogueReader.Skip("is missing");
            }
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new CatalogueReader.Skip("is " + size + " bytes; at most " + MAX_FILE_BYTES + " are allowed");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new CatalogueReader.Skip("is not UTF-8 text");
        } catch (IOException e) {
            throw new CatalogueReader.Skip("cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static CouncilbotException invalid(String message) {
        return new CouncilbotException("invalid_service_catalogue", "The service catalogue cannot be used: "
                + message + ".");
    }

    /** Definitions as {@code services/{code}.json} beside services.json. */
    private record Folder(Path folder) implements CatalogueReader.Definitions {
        @Override
        public JsonNode definition(String serviceCode) throws CatalogueReader.Skip {
            // The code was checked by CatalogueReader: no separators or "..", so this stays in the folder.
            String text = read(folder.resolve("services").resolve(serviceCode + ".json"));
            try {
                return Open311Wire.json(text);
            } catch (WireFormatException e) {
                throw new CatalogueReader.Skip(e.getMessage());
            }
        }

        @Override
        public String source(String serviceCode) {
            return "services/" + serviceCode + ".json";
        }
    }
}
