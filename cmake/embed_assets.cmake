# smelt_embed_assets(OUTPUT FILE...): compiles the dashboard's static files
# into OUTPUT as smelt::serve::assets(), keyed by file name (for example
# "echarts.min.js"), so `smelt serve` needs nothing from disk or the network.
function(smelt_embed_assets output)
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${output} "-DFILES=${ARGN}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_assets_run.cmake
    DEPENDS ${ARGN} ${CMAKE_SOURCE_DIR}/cmake/embed_assets_run.cmake
    COMMENT "Embedding dashboard assets"
    VERBATIM)
endfunction()
