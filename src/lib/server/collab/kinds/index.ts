// The kinds of co-edited documents. Each module registers itself; add yours here so the
// collaboration server knows it before the first connection.
import './consortium';
import './requirements';
import './decisions';
import './meetings';
import './roadmap';
import './documents';
