# smelt_embed_sql(OUTPUT DIR...): compiles every *.sql file below the given
# folders into OUTPUT as smelt::sql::embedded_files(), keyed by the path
# relative to the repository root (for example "migrations/V0001__schemas.sql").
function(smelt_embed_sql output)
  set(files)
  foreach(dir IN LISTS ARGN)
    file(GLOB_RECURSE found CONFIGURE_DEPENDS ${dir}/*.sql)
    list(APPEND files ${found})
  endforeach()
  list(SORT files)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} -DROOT=${CMAKE_SOURCE_DIR}
            "-DFILES=${files}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_sql_run.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_sql_run.cmake
    COMMENT "Embedding SQL files"
    VERBATIM)
endfunction()
