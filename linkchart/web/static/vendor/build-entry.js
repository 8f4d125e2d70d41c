import Sigma from "sigma";
import { EdgeProgram, EdgeRectangleProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram, NodeProgram } from "sigma/rendering";
import { floatColor } from "sigma/utils";
import Graph from "graphology";
import FA2Layout from "graphology-layout-forceatlas2/worker";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
window.LinkchartVendor = { Sigma, EdgeProgram, EdgeRectangleProgram, EdgeLineProgram, NodeCircleProgram, NodePointProgram, NodeProgram, floatColor, Graph, FA2Layout, forceAtlas2, noverlap };
