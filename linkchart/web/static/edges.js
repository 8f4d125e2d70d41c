// Hedged ties drawn dashed: sigma 3 has no dashed edges, so this is a small edge program.
// It is sigma's rectangle edge program plus one varying, the distance in screen pixels from the
// edge's start, and a fragment shader that leaves a gap every few pixels. The picking pass draws
// the whole edge, so a click on a gap still opens the tie. The same program without the gaps
// draws the other ties.
"use strict";
(function () {
  const { EdgeProgram, floatColor } = window.LinkchartVendor;
  const FLOAT = WebGLRenderingContext.FLOAT;
  const UNSIGNED_BYTE = WebGLRenderingContext.UNSIGNED_BYTE;

  const VERTEX = `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_normal;
attribute float a_normalCoef;
attribute vec2 a_positionStart;
attribute vec2 a_positionEnd;
attribute float a_positionCoef;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_zoomRatio;
uniform float u_pixelRatio;
uniform float u_correctionRatio;
uniform float u_minEdgeThickness;
uniform float u_feather;
uniform vec2 u_dimensions;

varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_distance;

const float bias = 255.0 / 254.0;

void main() {
  vec2 normal = a_normal * a_normalCoef;
  vec2 position = a_positionStart * (1.0 - a_positionCoef) + a_positionEnd * a_positionCoef;
  float normalLength = length(normal);
  vec2 unitNormal = normal / normalLength;
  float pixelsThickness = max(normalLength, u_minEdgeThickness * u_sizeRatio);
  float webGLThickness = pixelsThickness * u_correctionRatio / u_sizeRatio;
  gl_Position = vec4((u_matrix * vec3(position + unitNormal * webGLThickness, 1)).xy, 0, 1);

  vec2 start = (u_matrix * vec3(a_positionStart, 1)).xy;
  vec2 end = (u_matrix * vec3(a_positionEnd, 1)).xy;
  v_distance = a_positionCoef * length((end - start) * u_dimensions / 2.0);

  v_thickness = webGLThickness / u_zoomRatio;
  v_normal = unitNormal;
  v_feather = u_feather * u_correctionRatio / u_zoomRatio / u_pixelRatio * 2.0;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}`;

  const FRAGMENT = `
precision mediump float;
varying vec4 v_color;
varying vec2 v_normal;
varying float v_thickness;
varying float v_feather;
varying float v_distance;
const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);
const float DASH = 7.0;
const float PERIOD = 12.0;

void main(void) {
  #ifdef PICKING_MODE
  gl_FragColor = v_color;
  #else
  if (mod(v_distance, PERIOD) > DASH) discard;
  float dist = length(v_normal) * v_thickness;
  float t = smoothstep(v_thickness - v_feather, v_thickness, dist);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}`;

  const UNIFORMS = ["u_matrix", "u_zoomRatio", "u_sizeRatio", "u_correctionRatio", "u_pixelRatio", "u_feather",
    "u_minEdgeThickness", "u_dimensions"];
  // The six corners of an edge's rectangle: [position coefficient (0 start, 1 end), normal side].
  const CORNERS = [[0, 1], [0, -1], [1, 1], [1, 1], [0, -1], [1, -1]];

  // Not instanced: each corner carries every attribute. Instanced drawing costs a fixed time per
  // instance in software WebGL (SwiftShader, as in headless Chromium), which made 20,000 ties crawl.
  function edgeProgram(dashed) {
    return class extends EdgeProgram {
      getDefinition() {
        return {
          VERTICES: 6,
          VERTEX_SHADER_SOURCE: VERTEX,
          FRAGMENT_SHADER_SOURCE: dashed ? FRAGMENT : FRAGMENT.replace("if (mod(v_distance, PERIOD) > DASH) discard;", ""),
          METHOD: WebGLRenderingContext.TRIANGLES,
          UNIFORMS,
          ATTRIBUTES: [
            { name: "a_positionStart", size: 2, type: FLOAT },
            { name: "a_positionEnd", size: 2, type: FLOAT },
            { name: "a_normal", size: 2, type: FLOAT },
            { name: "a_positionCoef", size: 1, type: FLOAT },
            { name: "a_normalCoef", size: 1, type: FLOAT },
            { name: "a_color", size: 4, type: UNSIGNED_BYTE, normalized: true },
            { name: "a_id", size: 4, type: UNSIGNED_BYTE, normalized: true },
          ],
        };
      }

      processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data) {
        const thickness = data.size || 1;
        const dx = targetData.x - sourceData.x;
        const dy = targetData.y - sourceData.y;
        let len = dx * dx + dy * dy;
        let n1 = 0;
        let n2 = 0;
        if (len) {
          len = 1 / Math.sqrt(len);
          n1 = -dy * len * thickness;
          n2 = dx * len * thickness;
        }
        const color = floatColor(data.color);
        const array = this.array;
        for (const [positionCoef, normalCoef] of CORNERS) {
          array[startIndex++] = sourceData.x;
          array[startIndex++] = sourceData.y;
          array[startIndex++] = targetData.x;
          array[startIndex++] = targetData.y;
          array[startIndex++] = n1;
          array[startIndex++] = n2;
          array[startIndex++] = positionCoef;
          array[startIndex++] = normalCoef;
          array[startIndex++] = color;
          array[startIndex++] = edgeIndex;
        }
      }

      setUniforms(params, { gl, uniformLocations }) {
        gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
        gl.uniform1f(uniformLocations.u_zoomRatio, params.zoomRatio);
        gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
        gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
        gl.uniform1f(uniformLocations.u_pixelRatio, params.pixelRatio);
        gl.uniform1f(uniformLocations.u_feather, params.antiAliasingFeather);
        gl.uniform1f(uniformLocations.u_minEdgeThickness, params.minEdgeThickness);
        gl.uniform2f(uniformLocations.u_dimensions, params.width * params.pixelRatio, params.height * params.pixelRatio);
      }
    };
  }

  const DashedEdgeProgram = edgeProgram(true);
  window.LinkchartSolidEdgeProgram = edgeProgram(false);
  window.LinkchartDashedEdgeProgram = DashedEdgeProgram;
})();
