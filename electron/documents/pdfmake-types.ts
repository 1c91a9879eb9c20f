// The part of pdfmake 0.3's document definition that Podium's builders use. Written here
// because @types/pdfmake pulls the DOM library into the Node side's type check.

export type Alignment = 'left' | 'center' | 'right' | 'justify';
export type Margins = number | [number, number] | [number, number, number, number];
export type PageOrientation = 'portrait' | 'landscape';
/** A named size ('A4') or points. */
export type PageSize = string | { width: number; height: number };
/** Column width: points, '*' (share the rest), 'auto', or a percentage ('30%'). */
export type Size = number | '*' | 'auto' | `${number}%`;

export interface Style {
  font?: string;
  fontSize?: number;
  bold?: boolean;
  italics?: boolean;
  alignment?: Alignment;
  color?: string;
  background?: string;
  lineHeight?: number;
  characterSpacing?: number;
  decoration?: 'underline' | 'lineThrough' | 'overline';
  noWrap?: boolean;
  margin?: Margins;
  fillColor?: string;
}

interface Node extends Style {
  style?: string | string[];
  /** Places the node at this point of the page, in points from the top-left corner. */
  absolutePosition?: { x: number; y: number };
  relativePosition?: { x: number; y: number };
  pageBreak?: 'before' | 'after';
  unbreakable?: boolean;
  width?: Size;
  id?: string;
}

export interface ContentText extends Node {
  text: string | number | Array<string | ContentText>;
}
export interface ContentStack extends Node {
  stack: Content[];
}
export interface ContentColumns extends Node {
  columns: Content[];
  columnGap?: number;
}
export interface ContentImage extends Node {
  /** A key of the document's `images`, or a data URL. */
  image: string;
  width?: number;
  height?: number;
  fit?: [number, number];
  opacity?: number;
}
export interface ContentSvg extends Node {
  svg: string;
  width?: number;
  height?: number;
  fit?: [number, number];
}
export interface ContentQr extends Node {
  qr: string;
  fit?: number;
}
export interface ContentList extends Node {
  ul?: Content[];
  ol?: Content[];
}

export interface TableCellProperties {
  rowSpan?: number;
  colSpan?: number;
  border?: [boolean, boolean, boolean, boolean];
}
/** A cell; `{}` stands in for a cell covered by a neighbour's colSpan/rowSpan. */
export type TableCell = Record<string, never> | (Content & TableCellProperties);
export interface TableLayout {
  hLineWidth?: (i: number, node: ContentTable) => number;
  vLineWidth?: (i: number, node: ContentTable) => number;
  hLineColor?: string | ((i: number, node: ContentTable) => string);
  vLineColor?: string | ((i: number, node: ContentTable) => string);
  fillColor?: (rowIndex: number, node: ContentTable, columnIndex: number) => string | null;
  paddingLeft?: (i: number, node: ContentTable) => number;
  paddingRight?: (i: number, node: ContentTable) => number;
  paddingTop?: (i: number, node: ContentTable) => number;
  paddingBottom?: (i: number, node: ContentTable) => number;
}
export interface ContentTable extends Node {
  table: {
    body: TableCell[][];
    widths?: Size[] | Size;
    heights?: number | number[] | ((row: number) => number | 'auto');
    headerRows?: number;
    dontBreakRows?: boolean;
    keepWithHeaderRows?: number;
  };
  layout?: 'noBorders' | 'headerLineOnly' | 'lightHorizontalLines' | TableLayout;
}

interface CanvasStroke {
  color?: string;
  lineColor?: string;
  lineWidth?: number;
  fillOpacity?: number;
  strokeOpacity?: number;
  dash?: { length: number; space?: number };
}
export type CanvasElement =
  | ({ type: 'line'; x1: number; y1: number; x2: number; y2: number } & CanvasStroke)
  | ({ type: 'rect'; x: number; y: number; w: number; h: number; r?: number } & CanvasStroke)
  | ({ type: 'ellipse'; x: number; y: number; r1: number; r2?: number } & CanvasStroke)
  | ({ type: 'polyline'; points: Array<{ x: number; y: number }>; closePath?: boolean } & CanvasStroke);
export interface ContentCanvas extends Node {
  canvas: CanvasElement[];
}

export type Content =
  | string
  | number
  | Content[]
  | ContentText
  | ContentStack
  | ContentColumns
  | ContentImage
  | ContentSvg
  | ContentQr
  | ContentList
  | ContentTable
  | ContentCanvas;

export interface TDocumentDefinitions {
  content: Content;
  pageSize?: PageSize;
  pageOrientation?: PageOrientation;
  pageMargins?: Margins;
  defaultStyle?: Style;
  styles?: Record<string, Style>;
  /** Images by key: data URLs (nothing is read from disk or the network). */
  images?: Record<string, string>;
  info?: { title?: string; author?: string; subject?: string; keywords?: string; creator?: string; producer?: string };
  header?: Content | ((currentPage: number, pageCount: number) => Content);
  footer?: Content | ((currentPage: number, pageCount: number) => Content);
  background?: Content | ((currentPage: number, pageSize: { width: number; height: number }) => Content);
  compress?: boolean;
  /** Called after layout for each node (its `id`, the pages it is on); true adds a page break before it. */
  pageBreakBefore?: (node: { id?: string; pageNumbers: number[] }) => boolean;
  language?: string;
}
