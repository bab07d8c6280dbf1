package io.phantomdb.sql.jdbc;

import io.phantomdb.sql.SqlMetadata;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;

/**
 * What JDBC tools learn about PhantomDB: product and driver versions, PostgreSQL's identifier rules
 * (unquoted names fold to lower case, quoted names keep their case), what the SQL engine supports, and
 * the catalog (tables, views, columns, keys, indexes, types) from {@link io.phantomdb.sql.SqlDatabase#metadata()},
 * read fresh by every call.
 * <p>
 * <b>Note:</b> one thread at a time, like its connection.
 */
final class PhantomDatabaseMetaData implements DatabaseMetaData
{
    /** The one schema PhantomDB has. */
    static final String SCHEMA = "public";
    /** The product name. */
    static final String PRODUCT = "PhantomDB";

    private final PhantomConnection connection;

    PhantomDatabaseMetaData(final PhantomConnection connection)
    {
        this.connection = connection;
    }

    private SqlMetadata metadata() throws SQLException
    {
        if (connection.isClosed())
        {
            throw SqlErrors.closed("connection");
        }
        try
        {
            return connection.database().metadata();
        }
        catch (final io.phantomdb.sql.SqlException ex)
        {
            throw SqlErrors.translate(ex);
        }
    }

    private String catalog() throws SQLException
    {
        return connection.getCatalog();
    }

    @Override
    public boolean allProceduresAreCallable()
    {
        return true;
    }

    @Override
    public boolean allTablesAreSelectable()
    {
        return true;
    }

    @Override
    public String getURL()
    {
        return connection.url();
    }

    @Override
    public String getUserName()
    {
        return "";
    }

    @Override
    public boolean isReadOnly() throws SQLException
    {
        return connection.isReadOnly();
    }

    @Override
    public boolean nullsAreSortedHigh()
    {
        return true;
    }

    @Override
    public boolean nullsAreSortedLow()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart()
    {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtEnd()
    {
        return false;
    }

    @Override
    public String getDatabaseProductName()
    {
        return PRODUCT;
    }

    @Override
    public String getDatabaseProductVersion()
    {
        return PhantomDriver.VERSION;
    }

    @Override
    public String getDriverName()
    {
        return "PhantomDB JDBC (embedded)";
    }

    @Override
    public String getDriverVersion()
    {
        return PhantomDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion()
    {
        return PhantomDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion()
    {
        return PhantomDriver.MINOR_VERSION;
    }

    @Override
    public boolean usesLocalFiles()
    {
        return JdbcUrl.FILE.equals(connection.parsedUrl().kind());
    }

    @Override
    public boolean usesLocalFilePerTable()
    {
        return false;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesUpperCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers()
    {
        return true;
    }

    @Override
    public boolean storesMixedCaseIdentifiers()
    {
        return false;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers()
    {
        return true;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers()
    {
        return false;
    }

    @Override
    public String getIdentifierQuoteString()
    {
        return "\"";
    }

    @Override
    public String getSQLKeywords()
    {
        return "LIMIT,OFFSET,RETURNING,EXPLAIN,ANALYZE,ILIKE";
    }

    @Override
    public String getNumericFunctions()
    {
        return "abs,ceil,floor,mod,round,sqrt,power";
    }

    @Override
    public String getStringFunctions()
    {
        return "length,lower,upper,substring,trim,concat,replace,position";
    }

    @Override
    public String getSystemFunctions()
    {
        return "coalesce,nullif";
    }

    @Override
    public String getTimeDateFunctions()
    {
        return "now,current_date,current_timestamp,extract";
    }

    @Override
    public String getSearchStringEscape()
    {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters()
    {
        return "";
    }

    @Override
    public boolean supportsAlterTableWithAddColumn()
    {
        return true;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn()
    {
        return true;
    }

    @Override
    public boolean supportsColumnAliasing()
    {
        return true;
    }

    @Override
    public boolean nullPlusNonNullIsNull()
    {
        return true;
    }

    @Override
    public boolean supportsConvert()
    {
        return false;
    }

    @Override
    public boolean supportsConvert(final int fromType, final int toType)
    {
        return false;
    }

    @Override
    public boolean supportsTableCorrelationNames()
    {
        return true;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames()
    {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy()
    {
        return true;
    }

    @Override
    public boolean supportsOrderByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupBy()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated()
    {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect()
    {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause()
    {
        return true;
    }

    @Override
    public boolean supportsMultipleResultSets()
    {
        return true;
    }

    @Override
    public boolean supportsMultipleTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsNonNullableColumns()
    {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar()
    {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar()
    {
        return false;
    }

    @Override
    public boolean supportsExtendedSQLGrammar()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL()
    {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL()
    {
        return false;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility()
    {
        return false;
    }

    @Override
    public boolean supportsOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsFullOuterJoins()
    {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins()
    {
        return true;
    }

    @Override
    public String getSchemaTerm()
    {
        return "schema";
    }

    @Override
    public String getProcedureTerm()
    {
        return "function";
    }

    @Override
    public String getCatalogTerm()
    {
        return "database";
    }

    @Override
    public boolean isCatalogAtStart()
    {
        return true;
    }

    @Override
    public String getCatalogSeparator()
    {
        return ".";
    }

    @Override
    public boolean supportsSchemasInDataManipulation()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedDelete()
    {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate()
    {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate()
    {
        return true;
    }

    @Override
    public boolean supportsStoredProcedures()
    {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns()
    {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds()
    {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries()
    {
        return true;
    }

    @Override
    public boolean supportsUnion()
    {
        return true;
    }

    @Override
    public boolean supportsUnionAll()
    {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit()
    {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback()
    {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit()
    {
        return true;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback()
    {
        return true;
    }

    @Override
    public int getMaxBinaryLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength()
    {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxColumnsInTable()
    {
        return 0;
    }

    @Override
    public int getMaxConnections()
    {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxIndexLength()
    {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxRowSize()
    {
        return 0;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs()
    {
        return false;
    }

    @Override
    public int getMaxStatementLength()
    {
        return 0;
    }

    @Override
    public int getMaxStatements()
    {
        return 0;
    }

    @Override
    public int getMaxTableNameLength()
    {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect()
    {
        return 0;
    }

    @Override
    public int getMaxUserNameLength()
    {
        return 0;
    }

    @Override
    public int getDefaultTransactionIsolation()
    {
        return Connection.TRANSACTION_READ_COMMITTED;
    }

    @Override
    public boolean supportsTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(final int level)
    {
        return level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_REPEATABLE_READ ||
            level == Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions()
    {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly()
    {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit()
    {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions()
    {
        return false;
    }

    @Override
    public ResultSet getProcedures(final String catalog, final String schemaPattern, final String procedureNamePattern)
    {
        return CatalogRows.empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3",
            "REMARKS", "PROCEDURE_TYPE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getProcedureColumns(
        final String catalog, final String schemaPattern, final String procedureNamePattern, final String columnNamePattern)
    {
        return CatalogRows.empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE",
            "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "COLUMN_DEF",
            "SQL_DATA_TYPE", "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getTables(
        final String catalog, final String schemaPattern, final String tableNamePattern, final String[] types) throws SQLException
    {
        return CatalogRows.tables(metadata(), catalog(), catalog, schemaPattern, tableNamePattern, types);
    }

    @Override
    public ResultSet getSchemas() throws SQLException
    {
        return CatalogRows.schemas(catalog(), null, null);
    }

    @Override
    public ResultSet getCatalogs() throws SQLException
    {
        return CatalogRows.catalogs(catalog());
    }

    @Override
    public ResultSet getTableTypes()
    {
        return CatalogRows.tableTypes();
    }

    @Override
    public ResultSet getColumns(
        final String catalog, final String schemaPattern, final String tableNamePattern, final String columnNamePattern)
        throws SQLException
    {
        return CatalogRows.columns(metadata(), catalog(), catalog, schemaPattern, tableNamePattern, columnNamePattern);
    }

    @Override
    public ResultSet getColumnPrivileges(
        final String catalog, final String schema, final String table, final String columnNamePattern)
    {
        return CatalogRows.empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
            "IS_GRANTABLE");
    }

    @Override
    public ResultSet getTablePrivileges(final String catalog, final String schemaPattern, final String tableNamePattern)
    {
        return CatalogRows.empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    }

    @Override
    public ResultSet getBestRowIdentifier(
        final String catalog, final String schema, final String table, final int scope, final boolean nullable)
        throws SQLException
    {
        return CatalogRows.bestRowIdentifier(metadata(), catalog(), catalog, schema, table);
    }

    @Override
    public ResultSet getVersionColumns(final String catalog, final String schema, final String table)
    {
        return CatalogRows.empty("SCOPE", "COLUMN_NAME", "DATA_TYPE", "TYPE_NAME", "COLUMN_SIZE", "BUFFER_LENGTH",
            "DECIMAL_DIGITS", "PSEUDO_COLUMN");
    }

    @Override
    public ResultSet getPrimaryKeys(final String catalog, final String schema, final String table) throws SQLException
    {
        return CatalogRows.primaryKeys(metadata(), catalog(), catalog, schema, table);
    }

    @Override
    public ResultSet getImportedKeys(final String catalog, final String schema, final String table)
    {
        return foreignKeys();
    }

    @Override
    public ResultSet getExportedKeys(final String catalog, final String schema, final String table)
    {
        return foreignKeys();
    }

    @Override
    public ResultSet getCrossReference(
        final String parentCatalog, final String parentSchema, final String parentTable, final String foreignCatalog,
        final String foreignSchema, final String foreignTable)
    {
        return foreignKeys();
    }

    private static ResultSet foreignKeys()
    {
        return CatalogRows.empty("PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT",
            "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ", "UPDATE_RULE", "DELETE_RULE", "FK_NAME", "PK_NAME",
            "DEFERRABILITY");
    }

    @Override
    public ResultSet getTypeInfo()
    {
        return CatalogRows.typeInfo();
    }

    @Override
    public ResultSet getIndexInfo(
        final String catalog, final String schema, final String table, final boolean unique, final boolean approximate)
        throws SQLException
    {
        return CatalogRows.indexInfo(metadata(), catalog(), catalog, schema, table, unique);
    }

    @Override
    public boolean supportsResultSetType(final int type)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(final int type, final int concurrency)
    {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean ownUpdatesAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean othersDeletesAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(final int type)
    {
        return false;
    }

    @Override
    public boolean updatesAreDetected(final int type)
    {
        return false;
    }

    @Override
    public boolean deletesAreDetected(final int type)
    {
        return false;
    }

    @Override
    public boolean insertsAreDetected(final int type)
    {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates()
    {
        return true;
    }

    @Override
    public ResultSet getUDTs(final String catalog, final String schemaPattern, final String typeNamePattern, final int[] types)
    {
        return CatalogRows.empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE", "REMARKS", "BASE_TYPE");
    }

    @Override
    public Connection getConnection()
    {
        return connection;
    }

    @Override
    public boolean supportsSavepoints()
    {
        return false;
    }

    @Override
    public boolean supportsNamedParameters()
    {
        return false;
    }

    @Override
    public boolean supportsMultipleOpenResults()
    {
        return true;
    }

    @Override
    public boolean supportsGetGeneratedKeys()
    {
        return true;
    }

    @Override
    public ResultSet getSuperTypes(final String catalog, final String schemaPattern, final String typeNamePattern)
    {
        return CatalogRows.empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    }

    @Override
    public ResultSet getSuperTables(final String catalog, final String schemaPattern, final String tableNamePattern)
    {
        return CatalogRows.empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    @Override
    public ResultSet getAttributes(
        final String catalog, final String schemaPattern, final String typeNamePattern, final String attributeNamePattern)
    {
        return CatalogRows.empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE", "ATTR_TYPE_NAME",
            "ATTR_SIZE", "DECIMAL_DIGITS", "NUM_PREC_RADIX", "NULLABLE", "REMARKS", "ATTR_DEF", "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB", "CHAR_OCTET_LENGTH", "ORDINAL_POSITION", "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA",
            "SCOPE_TABLE", "SOURCE_DATA_TYPE");
    }

    @Override
    public boolean supportsResultSetHoldability(final int holdability)
    {
        return holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT || holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability()
    {
        return ResultSet.HOLD_CURSORS_OVER_COMMIT;
    }

    @Override
    public int getDatabaseMajorVersion()
    {
        return PhantomDriver.MAJOR_VERSION;
    }

    @Override
    public int getDatabaseMinorVersion()
    {
        return PhantomDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion()
    {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion()
    {
        return 2;
    }

    @Override
    public int getSQLStateType()
    {
        return sqlStateSQL;
    }

    @Override
    public boolean locatorsUpdateCopy()
    {
        return false;
    }

    @Override
    public boolean supportsStatementPooling()
    {
        return false;
    }

    @Override
    public RowIdLifetime getRowIdLifetime()
    {
        return RowIdLifetime.ROWID_UNSUPPORTED;
    }

    @Override
    public ResultSet getSchemas(final String catalog, final String schemaPattern) throws SQLException
    {
        return CatalogRows.schemas(catalog(), catalog, schemaPattern);
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax()
    {
        return false;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets()
    {
        return false;
    }

    @Override
    public ResultSet getClientInfoProperties()
    {
        return CatalogRows.clientInfoProperties();
    }

    @Override
    public ResultSet getFunctions(final String catalog, final String schemaPattern, final String functionNamePattern)
    {
        return CatalogRows.empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "REMARKS", "FUNCTION_TYPE",
            "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getFunctionColumns(
        final String catalog, final String schemaPattern, final String functionNamePattern, final String columnNamePattern)
    {
        return CatalogRows.empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE",
            "DATA_TYPE", "TYPE_NAME", "PRECISION", "LENGTH", "SCALE", "RADIX", "NULLABLE", "REMARKS", "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getPseudoColumns(
        final String catalog, final String schemaPattern, final String tableNamePattern, final String columnNamePattern)
    {
        return CatalogRows.empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE", "COLUMN_SIZE",
            "DECIMAL_DIGITS", "NUM_PREC_RADIX", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH", "IS_NULLABLE");
    }

    @Override
    public boolean generatedKeyAlwaysReturned()
    {
        return true;
    }

    @Override
    public long getMaxLogicalLobSize()
    {
        return 0;
    }

    @Override
    public boolean supportsRefCursors()
    {
        return false;
    }

    @Override
    public <T> T unwrap(final Class<T> iface) throws SQLException
    {
        if (iface.isInstance(this))
        {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper for " + iface.getName(), "22023");
    }

    @Override
    public boolean isWrapperFor(final Class<?> iface)
    {
        return iface.isInstance(this);
    }
}
