package io.phantomdb.perf.parse;

import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import org.apache.calcite.config.Lex;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlConformanceEnum;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SQL parsers the benchmark compares, each called the cheapest way its API offers for one
 * statement text to a syntax tree:
 * <ul>
 *   <li>{@code phantomdb}: {@link io.phantomdb.sql.parse.SqlParser#parse(String)}.</li>
 *   <li>{@code jsqlparser}: a {@link CCJSqlParser} from {@link CCJSqlParserUtil#newParser(String)}, its
 *       {@code Statement()} production on the calling thread, first without and, if that fails, with
 *       complex parsing (what {@link CCJSqlParserUtil#parse(String)} does, minus the single-thread executor
 *       it starts and stops for every call to enforce its time-out).</li>
 *   <li>{@code calcite}: {@link org.apache.calcite.sql.parser.SqlParser#create(String,
 *       org.apache.calcite.sql.parser.SqlParser.Config)} with {@link Lex#JAVA} and
 *       {@link SqlConformanceEnum#LENIENT}, then {@code parseStmt()}.</li>
 * </ul>
 * <b>Note:</b> an enum of stateless adapters, safe from any thread.
 */
public enum ParserUnderTest
{
    /** PhantomDB's recursive-descent parser. */
    PHANTOMDB("phantomdb", true)
    {
        @Override
        public Object parse(final String sql)
        {
            return io.phantomdb.sql.parse.SqlParser.parse(sql);
        }
    },

    /** JSqlParser (JavaCC). */
    JSQLPARSER("jsqlparser", false)
    {
        @Override
        public Object parse(final String sql) throws ParseException
        {
            try
            {
                return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false).Statement();
            }
            catch (final ParseException ex)
            {
                return CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true).Statement();
            }
        }
    },

    /** Apache Calcite's SQL parser (JavaCC). */
    CALCITE("calcite", false)
    {
        @Override
        public Object parse(final String sql) throws SqlParseException
        {
            return org.apache.calcite.sql.parser.SqlParser.create(sql, CALCITE_CONFIG).parseStmt();
        }
    };

    private static final org.apache.calcite.sql.parser.SqlParser.Config CALCITE_CONFIG =
        org.apache.calcite.sql.parser.SqlParser.config().withLex(Lex.JAVA).withConformance(SqlConformanceEnum.LENIENT);

    private final String label;
    private final boolean phantomDb;

    ParserUnderTest(final String label, final boolean phantomDb)
    {
        this.label = label;
        this.phantomDb = phantomDb;
    }

    /**
     * Parses one statement.
     *
     * @param sql the statement text.
     * @return the parser's syntax tree.
     * @throws Exception the parser's own syntax error.
     */
    public abstract Object parse(String sql) throws Exception;

    /**
     * @return the name used in JMH parameters, flags and the table.
     */
    public String label()
    {
        return label;
    }

    /**
     * @return whether this is PhantomDB's parser (the numerator of the ratios).
     */
    public boolean phantomDb()
    {
        return phantomDb;
    }

    /**
     * @param label a {@link #label()}.
     * @return the parser with that label.
     * @throws IllegalArgumentException naming the known labels if none matches.
     */
    public static ParserUnderTest of(final String label)
    {
        for (final ParserUnderTest parser : values())
        {
            if (parser.label.equals(label.trim().toLowerCase(Locale.ROOT)))
            {
                return parser;
            }
        }
        throw new IllegalArgumentException("unknown parser '" + label + "' (known: " + String.join(",", labels(List.of(values()))) + ")");
    }

    /**
     * @param parsers parsers.
     * @return their labels, in the same order.
     */
    public static List<String> labels(final List<ParserUnderTest> parsers)
    {
        final List<String> labels = new ArrayList<>();
        for (final ParserUnderTest parser : parsers)
        {
            labels.add(parser.label);
        }
        return labels;
    }
}
