package org.councilbot.handoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an Open311 XML document into the tree its JSON form would give, so one mapping serves both.
 *
 * <p>XML cannot tell a list of one from a single child, so the spec's list elements are named:
 * {@code <services>}, {@code <attributes>}, {@code <values>}, {@code <service_requests>} and
 * {@code <errors>} become arrays; other elements with children become objects, the rest text.
 * DOCTYPEs are refused, which rules out external entities and entity expansion bombs.
 */
final class XmlTree {
    private static final Set<String> LISTS = Set.of("services", "attributes", "values", "service_requests", "errors");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private XmlTree() {
    }

    static JsonNode parse(String xml) throws WireFormatException {
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            builder.setErrorHandler(new Strict());
            return convert(builder.parse(new InputSource(new StringReader(xml))).getDocumentElement());
        } catch (SAXParseException e) {
            throw new WireFormatException("is not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ")");
        } catch (SAXException | IOException e) {
            throw new WireFormatException("is not well-formed XML");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser cannot be configured securely", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        factory.setNamespaceAware(false);
        return factory;
    }

    private static JsonNode convert(Element element) {
        List<Element> children = children(element);
        if (LISTS.contains(element.getTagName())) {
            ArrayNode array = NODES.arrayNode();
            children.forEach(child -> array.add(convert(child)));
            return array;
        }
        if (children.isEmpty()) {
            return NODES.textNode(element.getTextContent().strip());
        }
        ObjectNode object = NODES.objectNode();
        children.forEach(child -> object.set(child.getTagName(), convert(child)));
        return object;
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    /** Fails on any error instead of printing it to standard error. */
    private static final class Strict implements ErrorHandler {
        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    }
}
